package cn.zwgk.assistant.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * The secret values this repository ships for local runs: the defaults of secret variables in
 * {@code application*.yml} (e.g. {@code ${ADMIN_PASSWORD:admin}}) and the secrets of the shipped
 * {@code channel-config/accounts/*.yml}, copied into the jar at build time under
 * {@code shipped-channel-config/} so that they are known wherever the deployed channel-config
 * lives. Everybody can read them, so production refuses to start with any of them.
 */
public final class ShippedSecrets {

    /** The keys of an account file that hold secrets. */
    public static final List<String> ACCOUNT_SECRET_KEYS = List.of("token", "aesKey", "previousAesKey", "secret");

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|key)s?$");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([^:${}]+):([^${}]*)}");
    private static final String[] LOCATIONS = {"classpath*:application*.yml", "classpath*:application*.yaml"};
    private static final String ACCOUNTS = "classpath*:shipped-channel-config/accounts/*.yml";

    private static volatile ShippedSecrets shipped;

    private final Set<String> values;

    ShippedSecrets(Set<String> values) {
        this.values = Set.copyOf(values);
    }

    /** The values shipped with this build (read once). */
    public static ShippedSecrets shipped() {
        ShippedSecrets current = shipped;
        if (current == null) {
            current = load();
            shipped = current;
        }
        return current;
    }

    public boolean contains(String value) {
        return value != null && !value.isBlank() && values.contains(value.strip());
    }

    Set<String> values() {
        return values;
    }

    /** The variable a value like {@code ${NAME:default}} or {@code ${NAME}} reads, or null. */
    public static String variableOf(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\$\\{([^:${}]+)").matcher(raw);
        return m.find() ? m.group(1) : null;
    }

    /** Whether a variable or property name reads like a secret (…PASSWORD, …SECRET, …TOKEN, …KEY). */
    static boolean secretName(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1).replace('-', '_');
        return SECRET_NAME.matcher(last).matches();
    }

    private static ShippedSecrets load() {
        Set<String> found = new HashSet<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String location : LOCATIONS) {
                for (Resource resource : resolver.getResources(location)) {
                    for (Object document : documents(resource)) {
                        collectSettings("", document, found);
                    }
                }
            }
            for (Resource resource : resolver.getResources(ACCOUNTS)) {
                for (Object document : documents(resource)) {
                    if (document instanceof Map<?, ?> account) {
                        ACCOUNT_SECRET_KEYS.forEach(key -> collectValue(account.get(key), true, found));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ShippedSecrets(found);
    }

    private static void collectSettings(String path, Object node, Set<String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectSettings(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, found));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectSettings(path, item, found));
        } else if (node != null) {
            collectValue(node, secretName(path), found);
        }
    }

    /** Defaults of secret variables; the whole value too when the setting itself is a secret. */
    private static void collectValue(Object node, boolean secretSetting, Set<String> found) {
        if (node == null) {
            return;
        }
        String raw = String.valueOf(node);
        Matcher m = DEFAULTED.matcher(raw);
        while (m.find()) {
            if ((secretSetting || secretName(m.group(1))) && !m.group(2).isBlank()) {
                found.add(m.group(2).strip());
            }
        }
        if (secretSetting && !raw.contains("${") && !raw.isBlank()) {
            found.add(raw.strip());
        }
    }

    private static Iterable<Object> documents(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            List<Object> all = new ArrayList<>();
            new Yaml().loadAll(in).forEach(all::add);
            return all;
        }
    }

    @Override
    public String toString() {
        return "ShippedSecrets[" + values.size() + " values]";
    }
}
