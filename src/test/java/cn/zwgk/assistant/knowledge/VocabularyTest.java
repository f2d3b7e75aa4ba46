package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word lists of {@code channel-config/}, as {@link Vocabulary} reads them. */
class VocabularyTest {

    private static final String[] FILES = {"scope-words.txt", "stop-words.txt", "exception-words.txt",
            "exception-question-words.txt"};

    private final Vocabulary shipped = KbHarness.VOCABULARY;

    @Test
    void theShippedListsAnswerAsTheyDid() {
        assertThat(shipped.aboutGovernment("社保卡丢了怎么办")).isTrue();
        assertThat(shipped.aboutGovernment("政務公開是什麼")).as("Traditional script").isTrue();
        assertThat(shipped.aboutGovernment("今天天气怎么样")).isFalse();
        assertThat(shipped.aboutGovernment(null)).isFalse();
        assertThat(shipped.isStopWord("请问")).isTrue();
        assertThat(shipped.isStopWord("吗？")).isTrue();
        assertThat(shipped.isStopWord("收费")).isFalse();
        assertThat(shipped.aboutException("因正当理由不能按时答复的，可以延长答复期限")).isTrue();
        assertThat(shipped.aboutException("应当在20个工作日内予以答复")).isFalse();
        assertThat(shipped.asksAboutException("特殊情况可以延期吗")).isTrue();
        assertThat(shipped.asksAboutException("多久答复")).isFalse();
    }

    @Test
    void commentsAndBlankLinesAreNoWords(@TempDir Path dir) throws Exception {
        for (String name : FILES) {
            Files.writeString(dir.resolve(name), "# a comment\n\n  政府  \n", StandardCharsets.UTF_8);
        }
        Vocabulary v = new Vocabulary(dir);
        assertThat(v.isStopWord("政府")).isTrue();
        assertThat(v.isStopWord("# a comment")).isFalse();
        assertThat(v.isStopWord("")).isFalse();
    }

    @Test
    void aMissingListStopsTheStartWithItsName(@TempDir Path dir) throws Exception {
        for (String name : FILES) {
            Files.writeString(dir.resolve(name), "政府\n", StandardCharsets.UTF_8);
        }
        Files.delete(dir.resolve("stop-words.txt"));
        assertThatThrownBy(() -> new Vocabulary(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Missing word list").hasMessageContaining("stop-words.txt");
    }

    @Test
    void anEmptyListStopsTheStartToo(@TempDir Path dir) throws Exception {
        for (String name : FILES) {
            Files.writeString(dir.resolve(name), "政府\n", StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("exception-words.txt"), "# nothing yet\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new Vocabulary(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exception-words.txt").hasMessageContaining("is empty");
    }
}
