package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompt templates exist once, in the top-level prompts/ folder; the build puts them on the classpath. */
class PromptTemplatesTest {

    private static PromptTemplates in(Path dir) {
        return new PromptTemplates(new KnowledgeProperties(false, 0.45, 0.79, Duration.ofSeconds(5), dir.toString(),
                null, null, null, null));
    }

    @Test
    void withoutAPromptsFolderTheCopiesOnTheClasspathAreUsed(@TempDir Path empty) throws Exception {
        for (String name : new String[] {"kb-answer-system.txt", "kb-answer-user.txt", "kb-rewrite-system.txt"}) {
            assertThat(in(empty.resolve("absent")).get(name))
                    .isEqualTo(Files.readString(Path.of("prompts", name), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theFolderWinsOverTheClasspath(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kb-answer-user.txt"), "edited", StandardCharsets.UTF_8);
        assertThat(in(dir).get("kb-answer-user.txt")).isEqualTo("edited");
    }

    @Test
    void anUnknownTemplateIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> in(dir).get("no-such.txt")).hasMessageContaining("no prompt template no-such.txt");
    }
}
