package cn.zwgk.assistant.opinion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.knowledge.TextSimilarity;
import cn.zwgk.assistant.platform.Redis;

/**
 * The open incidents and their published quick responses, as every instance matches citizen
 * questions against them. Each change bumps a counter in Redis; an instance reloads when the
 * counter moved, so a withdrawal stops the 口径 on every instance with the next question.
 */
@Component
class ResponseCatalog {

    /** An open incident as questions are matched against it. */
    record Topic(long incidentId, String title, List<String> keywords, float[] vector, Long responseId,
                 String responseText) {
    }

    private final JdbcClient jdbc;
    private final Redis redis;
    private final TextSimilarity similarity;
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    private record Snapshot(long version, List<Topic> topics) {
    }

    ResponseCatalog(JdbcClient jdbc, Redis redis, TextSimilarity similarity) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.similarity = similarity;
    }

    void changed() {
        redis.jedis().incr(versionKey());
    }

    List<Topic> topics() {
        String raw = redis.jedis().get(versionKey());
        long version = raw == null ? 0 : Long.parseLong(raw);
        Snapshot s = snapshot;
        if (s.version() != version) {
            s = new Snapshot(version, load());
            snapshot = s;
        }
        return s.topics();
    }

    /** The open incident the question is about, if any: a keyword in it, or close enough in meaning. */
    Optional<Topic> match(String question, double threshold) {
        List<Topic> topics = topics();
        if (topics.isEmpty() || question == null || question.isBlank()) {
            return Optional.empty();
        }
        String normalised = TextSimilarity.normalise(question);
        for (Topic t : topics) {
            if (t.keywords().stream().anyMatch(k -> normalised.contains(TextSimilarity.normalise(k)))) {
                return Optional.of(t);
            }
        }
        float[] q = similarity.vector(question);
        Topic best = null;
        double bestScore = threshold;
        for (Topic t : topics) {
            double score = TextSimilarity.cosine(q, t.vector());
            if (score >= bestScore) {
                best = t;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private List<Topic> load() {
        List<Topic> topics = new ArrayList<>();
        jdbc.sql("""
                select i.id, i.title, i.keywords, r.id as response_id, r.text
                from incident i left join quick_response r on r.incident_id = i.id and r.status = 'PUBLISHED'
                where i.status = 'OPEN' order by i.id""")
                .query(rs -> {
                    List<String> keywords = List.of(rs.getString("keywords").split(",")).stream()
                            .filter(k -> !k.isBlank()).toList();
                    long responseId = rs.getLong("response_id");
                    boolean noResponse = rs.wasNull();
                    String title = rs.getString("title");
                    topics.add(new Topic(rs.getLong("id"), title, keywords,
                            similarity.vector(title + " " + String.join(" ", keywords)),
                            noResponse ? null : responseId, rs.getString("text")));
                });
        return List.copyOf(topics);
    }

    private String versionKey() {
        return redis.key("opinion", "catalog-version");
    }
}
