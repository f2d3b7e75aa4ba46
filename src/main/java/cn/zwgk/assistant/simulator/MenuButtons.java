package cn.zwgk.assistant.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

import cn.zwgk.assistant.platform.PlatformProperties;

/** The click buttons of the custom menu in {@code channel-config/menu.yml}, read afresh for each page. */
@Component
@ConditionalOnBooleanProperty("simulator.enabled")
class MenuButtons {

    private static final Logger log = LoggerFactory.getLogger(MenuButtons.class);

    private final Path file;

    MenuButtons(PlatformProperties properties) {
        this.file = Path.of(properties.channelConfigDir(), "menu.yml");
    }

    /** Click buttons in menu order, sub-buttons flattened; empty when the file is missing or broken. */
    List<Button> clickButtons() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            Object root = new Yaml().load(in);
            List<Button> buttons = new ArrayList<>();
            if (root instanceof Map<?, ?> map) {
                collect(map.get("button"), buttons);
            }
            return buttons;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the menu from {}: {}", file, e.toString());
            return List.of();
        }
    }

    private static void collect(Object node, List<Button> into) {
        if (!(node instanceof List<?> list)) {
            return;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> button) {
                Object key = button.get("key");
                if ("click".equals(button.get("type")) && key != null) {
                    into.add(new Button(String.valueOf(button.get("name")), String.valueOf(key)));
                }
                collect(button.get("sub_button"), into);
            }
        }
    }

    /** A menu entry that sends a CLICK event with {@code key}. */
    record Button(String name, String key) {
    }
}
