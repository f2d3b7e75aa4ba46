package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.PlatformProperties;

/**
 * The word lists the question answering works with, read at start from {@code channel-config/}
 * (one word a line, "#" starts a comment line; a missing or empty file stops the start-up):
 * <ul>
 * <li>{@code scope-words.txt}: a question naming one of them is about government business, and a
 * question the documents cannot answer is offered the disclosure application only then; small talk
 * and other topics get a short, polite redirect instead;</li>
 * <li>{@code stop-words.txt}: question words left out of the searches, the content words and the
 * homophone corrections;</li>
 * <li>{@code exception-words.txt}: a sentence containing one is about an exception to the rule, not
 * the answer unless the question asks about exceptions, which it does when it contains one of
 * {@code exception-question-words.txt}.</li>
 * </ul>
 */
@Component
final class Vocabulary {

    private final List<String> scope;
    private final Set<String> stop;
    private final List<String> exception;
    private final List<String> asksException;

    @Autowired
    Vocabulary(PlatformProperties platform) {
        this(Path.of(platform.channelConfigDir()));
    }

    /** The lists in {@code dir} (tests, tools: the repository's {@code channel-config}). */
    Vocabulary(Path dir) {
        this.scope = List.copyOf(read(dir, "scope-words.txt"));
        this.stop = Set.copyOf(read(dir, "stop-words.txt"));
        this.exception = List.copyOf(read(dir, "exception-words.txt"));
        this.asksException = List.copyOf(read(dir, "exception-question-words.txt"));
    }

    /** True when the question names anything an office deals with. */
    boolean aboutGovernment(String question) {
        String q = ScriptConverter.toSimplified(question == null ? "" : question);
        return scope.stream().anyMatch(q::contains);
    }

    boolean isStopWord(String word) {
        return stop.contains(word);
    }

    /** Whether a (Simplified) sentence is about an exception to the rule. */
    boolean aboutException(String sentence) {
        return exception.stream().anyMatch(sentence::contains);
    }

    /** Whether a question (as matched, see {@link ScriptConverter#forMatching}) asks about exceptions. */
    boolean asksAboutException(String question) {
        return asksException.stream().anyMatch(question::contains);
    }

    private static Set<String> read(Path dir, String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing word list " + file.toAbsolutePath()
                    + " (channel-config/" + name + ", one word a line; see docs/configuration.md)");
        }
        Set<String> words = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
        if (words.isEmpty()) {
            throw new IllegalStateException("The word list " + file.toAbsolutePath() + " is empty");
        }
        return words;
    }
}
