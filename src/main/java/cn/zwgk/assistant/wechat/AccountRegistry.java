package cn.zwgk.assistant.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.PlaceholderResolutionException;
import org.yaml.snakeyaml.Yaml;

import cn.zwgk.assistant.platform.PlatformProperties;
import cn.zwgk.assistant.platform.ShippedSecrets;
import cn.zwgk.assistant.platform.StartupRefusal;

/**
 * The Official Accounts this deployment serves, read from {@code channel-config/accounts/*.yml}.
 * Values may reference the environment as {@code ${ENV}} or {@code ${ENV:default}}. In the
 * {@code prod} profile an account whose token, EncodingAESKey or secret is one the repository
 * ships for local runs stops the start-up.
 */
@Component
public class AccountRegistry {

    private static final Logger log = LoggerFactory.getLogger(AccountRegistry.class);

    private final Map<String, Account> accounts;
    private final Account defaultAccount;

    @Autowired
    AccountRegistry(PlatformProperties properties, Environment environment) {
        this(properties, environment, ShippedSecrets.shipped());
    }

    AccountRegistry(PlatformProperties properties, Environment environment, ShippedSecrets shipped) {
        Path dir = Path.of(properties.channelConfigDir(), "accounts");
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        Map<String, Account> loaded = new LinkedHashMap<>();
        Account first = null;
        Account marked = null;
        for (Path file : yamlFiles(dir)) {
            Map<String, Object> raw = read(file);
            Account account = toAccount(raw, environment, file);
            if (prod) {
                refuseShippedSecrets(raw, environment, shipped, file);
            }
            if (loaded.putIfAbsent(account.appId(), account) != null) {
                throw new IllegalStateException("Duplicate appId " + account.appId() + " in " + file);
            }
            first = first == null ? account : first;
            if (Boolean.TRUE.equals(raw.get("default"))) {
                marked = account;
            }
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("No Official Account configured in " + dir.toAbsolutePath());
        }
        this.accounts = Map.copyOf(loaded);
        this.defaultAccount = marked != null ? marked : first;
        log.info("Serving Official Accounts {}", loaded.values());
    }

    public Optional<Account> find(String appId) {
        return Optional.ofNullable(appId).map(accounts::get);
    }

    public Account defaultAccount() {
        return defaultAccount;
    }

    public List<Account> all() {
        return List.copyOf(accounts.values());
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Channel configuration folder not found: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> map = new Yaml().load(in);
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Account toAccount(Map<String, Object> raw, Environment env, Path file) {
        String appId = required(raw, "appId", env, file);
        return new Account(appId,
                required(raw, "originalId", env, file),
                value(raw, "name", env),
                required(raw, "token", env, file),
                value(raw, "aesKey", env),
                value(raw, "secret", env),
                Boolean.parseBoolean(value(raw, "customerService", env)),
                value(raw, "previousAesKey", env),
                mode(raw, env, file),
                Boolean.parseBoolean(value(raw, "aiContentMark", env)),
                Boolean.parseBoolean(value(raw, "wechatCustomerServiceSystem", env)));
    }

    private static Account.Mode mode(Map<String, Object> raw, Environment env, Path file) {
        String aesKey = value(raw, "aesKey", env);
        try {
            return Account.Mode.of(value(raw, "mode", env), aesKey != null && !aesKey.isBlank());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " in " + file);
        }
    }

    private static void refuseShippedSecrets(Map<String, Object> raw, Environment env, ShippedSecrets shipped, Path file) {
        for (String key : ShippedSecrets.ACCOUNT_SECRET_KEYS) {
            if (shipped.contains(value(raw, key, env))) {
                String variable = ShippedSecrets.variableOf(String.valueOf(raw.get(key)));
                throw new StartupRefusal(variable != null ? variable : key + " in " + file.getFileName(),
                        "holds a value shipped in the repository for local runs (" + key + " of " + file.getFileName() + ")",
                        "Set it to the account's own " + key + " from the WeChat admin console (开发 → 基本配置).");
            }
        }
    }

    private static String required(Map<String, Object> raw, String key, Environment env, Path file) {
        String value = value(raw, key, env);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing '" + key + "' in " + file);
        }
        return value;
    }

    private static String value(Map<String, Object> raw, String key, Environment env) {
        Object value = raw.get(key);
        if (value == null) {
            return null;
        }
        try {
            return env.resolveRequiredPlaceholders(String.valueOf(value)).trim();
        } catch (PlaceholderResolutionException e) {
            throw new StartupRefusal(e.getPlaceholder(), "is not set (" + key + " of an account reads it)",
                    "Set " + e.getPlaceholder() + " in the environment, or give it a default in the account file.");
        }
    }
}
