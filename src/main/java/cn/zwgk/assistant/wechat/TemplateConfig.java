package cn.zwgk.assistant.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

import cn.zwgk.assistant.notification.StaffAlert;
import cn.zwgk.assistant.platform.PlatformProperties;

/**
 * {@code channel-config/templates.yml}: which template carries staff notices and how the notice
 * maps onto its fields, each trimmed to WeChat's length limit for its type.
 */
@Component
class TemplateConfig {

    static final String STAFF_ALERT = "staff-alert";

    private final String account;
    private final Map<String, Template> templates = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    TemplateConfig(PlatformProperties platform, Environment env) {
        Path file = Path.of(platform.channelConfigDir(), "templates.yml");
        Map<String, Object> root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
        this.account = env.resolvePlaceholders(String.valueOf(root.getOrDefault("account", ""))).strip();
        ((Map<String, Map<String, Object>>) root.get("templates")).forEach((name, template) -> {
            Map<String, Field> fields = new LinkedHashMap<>();
            ((Map<String, Map<String, String>>) template.get("fields")).forEach((field, spec) ->
                    fields.put(field, new Field(spec.get("source"), spec.get("type"))));
            templates.put(name, new Template(env.resolvePlaceholders(String.valueOf(template.get("template-id"))).strip(),
                    Map.copyOf(fields)));
        });
        if (!templates.containsKey(STAFF_ALERT)) {
            throw new IllegalStateException(file + " must define the template '" + STAFF_ALERT + "'");
        }
    }

    String account() {
        return account;
    }

    /** The named template; an unknown name is a configuration error. */
    Template template(String name) {
        Template template = templates.get(name == null || name.isBlank() ? STAFF_ALERT : name);
        if (template == null) {
            throw new IllegalArgumentException("no template '" + name + "' in channel-config/templates.yml");
        }
        return template;
    }

    record Template(String id, Map<String, Field> fields) {

        /** The template's field values for a notice. */
        Map<String, String> values(StaffAlert alert) {
            Map<String, String> values = new java.util.TreeMap<>();
            fields.forEach((name, field) -> values.put(name, field.render(alert)));
            return values;
        }
    }

    record Field(String source, String type) {

        String render(StaffAlert alert) {
            String raw = switch (source) {
                case "title" -> alert.title();
                case "body" -> alert.body();
                case "reference" -> alert.reference();
                case "time" -> alert.time();
                default -> throw new IllegalStateException("unknown template source " + source);
            };
            String value = raw == null ? "" : raw.replaceAll("\\s+", " ").strip();
            return switch (type) {
                case "thing" -> cut(value, 20);
                case "character_string" -> cut(value.replaceAll("[^\\x21-\\x7e]", ""), 32);
                case "phrase" -> cut(value, 5);
                case "phone_number" -> cut(value, 17);
                default -> value;
            };
        }

        private static String cut(String value, int max) {
            if (value.codePointCount(0, value.length()) <= max) {
                return value;
            }
            return value.substring(0, value.offsetByCodePoints(0, max - 1)) + "…";
        }
    }
}
