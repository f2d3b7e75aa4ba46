package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * Prompt templates, read from the {@code prompts/} folder on every use so they can be edited without
 * a rebuild or restart; the copies packaged in the jar are the fallback.
 */
@Component
class PromptTemplates {

    private final Path dir;

    PromptTemplates(KnowledgeProperties properties) {
        this.dir = Path.of(properties.promptsDir());
    }

    String get(String name) {
        Path file = dir.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = PromptTemplates.class.getResourceAsStream("/prompts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("no prompt template " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
