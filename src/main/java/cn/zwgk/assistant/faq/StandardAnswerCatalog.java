package cn.zwgk.assistant.faq;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.knowledge.TextSimilarity;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * The approved standard answers with the vectors of their wordings, in memory, reloaded every few
 * seconds (so every instance follows an approval or a withdrawal) and at once on this instance's changes.
 */
@Component
class StandardAnswerCatalog {

    private static final long RELOAD_MS = 5_000;

    /** One wording of an approved answer, ready to score. */
    record Wording(StandardAnswer answer, String text, float[] vector, Set<String> pairs) {
    }

    private record Loaded(long at, List<Wording> wordings) {
    }

    private final StandardAnswerRepository repository;
    private final TextSimilarity similarity;
    private final FaqProperties properties;
    private final Clock clock;
    private volatile Loaded loaded = new Loaded(Long.MIN_VALUE / 2, List.of());

    StandardAnswerCatalog(StandardAnswerRepository repository, TextSimilarity similarity, FaqProperties properties,
                          Clock clock) {
        this.repository = repository;
        this.similarity = similarity;
        this.properties = properties;
        this.clock = clock;
    }

    void invalidate() {
        loaded = new Loaded(Long.MIN_VALUE / 2, List.of());
    }

    /** The standard answer in force whose wording is closest to the question, when close enough. */
    Optional<StandardAnswer> match(String question) {
        List<Wording> wordings = wordings();
        if (wordings.isEmpty()) {
            return Optional.empty();
        }
        return best(similarity.vector(question), question, wordings, OfficeTime.today(clock));
    }

    /** The same, for a question already embedded (an unanswered question kept with its vector). */
    Optional<StandardAnswer> best(float[] vector, String question, List<Wording> wordings, LocalDate day) {
        GapClusters.Item<Void> q = new GapClusters.Item<>(null, question, vector);
        Set<String> pairs = GapClusters.pairs(question);
        Wording best = null;
        double bestScore = properties.match();
        for (Wording w : wordings) {
            if (!w.answer().inForce(day)) {
                continue;
            }
            double score = GapClusters.score(q, pairs, new GapClusters.Item<>(null, w.text(), w.vector()), w.pairs());
            if (score >= bestScore) {
                bestScore = score;
                best = w;
            }
        }
        return Optional.ofNullable(best).map(Wording::answer);
    }

    List<Wording> wordings() {
        Loaded l = loaded;
        long now = System.currentTimeMillis();
        if (now - l.at() > RELOAD_MS) {
            l = new Loaded(now, repository.approved().stream()
                    .flatMap(a -> a.wordings().stream().map(w -> new Wording(a, w, similarity.vector(w), GapClusters.pairs(w))))
                    .toList());
            loaded = l;
        }
        return l.wordings();
    }

    /** Only this one answer's wordings, for matching earlier questions to a newly approved answer. */
    List<Wording> wordingsOf(StandardAnswer answer) {
        return answer.wordings().stream()
                .map(w -> new Wording(answer, w, similarity.vector(w), GapClusters.pairs(w))).toList();
    }
}
