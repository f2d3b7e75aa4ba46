package cn.zwgk.assistant.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The user-facing texts, from {@code channel-config/texts.yml}. Keys are dotted paths
 * ({@code wechat.welcome}); {@code {0}} placeholders take arguments.
 */
@Component
public class Texts {

    private final Map<String, String> texts;

    public Texts(PlatformProperties properties) {
        Path file = Path.of(properties.channelConfigDir(), "texts.yml");
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", new Yaml().load(in), flat);
            this.texts = Map.copyOf(flat);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** The text for a key; a missing key is a configuration error, not a silent blank. */
    public String get(String key, Object... args) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("No text '" + key + "' in channel-config/texts.yml");
        }
        return args.length == 0 ? text.strip() : new MessageFormat(text.strip()).format(args);
    }

    public Map<String, String> all() {
        return texts;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
        } else if (node != null) {
            out.put(prefix, node.toString());
        }
    }
}
