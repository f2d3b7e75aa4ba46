package cn.zwgk.assistant.wechat.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.zwgk.assistant.platform.PlatformProperties;
import cn.zwgk.assistant.wechat.Account;
import cn.zwgk.assistant.wechat.AccountRegistry;

/**
 * 渠道配置: the channel-config folder, read-only. Secrets are never shown: any entry whose key
 * mentions a secret, token, key or password is masked, and the accounts' resolved token, AppSecret
 * and EncodingAESKey are masked wherever else they might appear. ADMIN only.
 */
@Controller
class ConfigConsoleController {

    static final String MASK = "••••";
    private static final Pattern SENSITIVE_KEY = Pattern.compile("secret|token|key|password|passwd|credential|aes");
    private static final int MAX_FILE = 256 * 1024;

    private final PlatformProperties platform;
    private final AccountRegistry accounts;
    private final MessageSource messages;

    ConfigConsoleController(PlatformProperties platform, AccountRegistry accounts, MessageSource messages) {
        this.platform = platform;
        this.accounts = accounts;
        this.messages = messages;
    }

    /**
     * One configuration file: key/value entries (YAML) or its lines (other text), or the message key of
     * why it is not shown, with the {@code cause} that message names.
     */
    record ConfigFile(String path, List<Entry> entries, String text, String problem, String cause) {
    }

    record Entry(String key, String value, boolean masked) {
    }

    record AccountView(String appId, String originalId, String name, boolean hasToken, boolean hasSecret, boolean hasAesKey,
                       boolean customerService, boolean isDefault) {
    }

    @GetMapping("/console/config")
    String view(Model model) {
        Path dir = Path.of(platform.channelConfigDir());
        List<String> secrets = secrets();
        List<ConfigFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.add(read(dir, file, secrets));
            }
        } catch (IOException e) {
            model.addAttribute("error", messages.getMessage("config.unreadable", new Object[] {e.getClass().getSimpleName()},
                    LocaleContextHolder.getLocale()));
        }
        Account preferred = accounts.defaultAccount();
        model.addAttribute("accounts", accounts.all().stream().map(a -> new AccountView(a.appId(), a.originalId(), a.name(),
                present(a.token()), present(a.secret()), a.hasAesKey(), a.customerService(),
                a.appId().equals(preferred.appId()))).toList());
        model.addAttribute("dir", dir.toAbsolutePath().normalize().toString());
        model.addAttribute("files", files);
        model.addAttribute("mask", MASK);
        return "wechat/config";
    }

    private static ConfigFile read(Path dir, Path file, List<String> secrets) {
        String name = dir.relativize(file).toString().replace('\\', '/');
        try {
            if (Files.size(file) > MAX_FILE) {
                return new ConfigFile(name, List.of(), null, "config.too-large", null);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!name.endsWith(".yml") && !name.endsWith(".yaml")) {
                return new ConfigFile(name, List.of(), scrub(text, secrets), null, null);
            }
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", new Yaml(new SafeConstructor(new LoaderOptions())).load(text), flat);
            List<Entry> entries = flat.entrySet().stream().map(e -> sensitive(e.getKey())
                    ? new Entry(e.getKey(), MASK, true)
                    : new Entry(e.getKey(), scrub(e.getValue(), secrets), false)).toList();
            return new ConfigFile(name, entries, null, null, null);
        } catch (IOException | RuntimeException e) {
            return new ConfigFile(name, List.of(), null, "config.unparsable", e.getClass().getSimpleName());
        }
    }

    static boolean sensitive(String key) {
        return SENSITIVE_KEY.matcher(key.toLowerCase(Locale.ROOT)).find();
    }

    /** Replaces every resolved secret in the text with the mask. */
    static String scrub(String text, List<String> secrets) {
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (Account a : accounts.all()) {
            for (String s : new String[] {a.token(), a.secret(), a.aesKey()}) {
                if (s != null && s.strip().length() >= 4) {
                    secrets.add(s.strip());
                }
            }
        }
        return secrets;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, node == null ? "" : node.toString());
        }
    }
}
