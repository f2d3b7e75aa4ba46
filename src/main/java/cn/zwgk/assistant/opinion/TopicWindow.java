package cn.zwgk.assistant.opinion;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.knowledge.TextSimilarity;
import redis.clients.jedis.params.SetParams;
import cn.zwgk.assistant.platform.Redis;

/**
 * Groups citizen messages into topics on the fly, in Redis so that every instance sees the same
 * groups: a message joins the most similar live topic (meaning, plus shared words), or starts one.
 * Per topic a sorted set holds who wrote when; a topic nobody wrote to for a window's length ends,
 * so a later burst on the same subject is a new topic and a new alert.
 */
@Component
class TopicWindow {

    /** What a topic looks like after one message joined it. */
    record Observation(String topicId, String leader, int users, List<String> samples, Set<String> alarmWords) {
    }

    private static final int SAMPLES = 5;
    /** Weight of shared wording next to meaning: the same place or thing named counts, a little. */
    private static final double OVERLAP_WEIGHT = 0.15;

    private final Redis redis;
    private final OpinionProperties properties;

    TopicWindow(Redis redis, OpinionProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    Observation add(String openid, String text, float[] vector, Set<String> alarmWords, Instant at) {
        long now = at.toEpochMilli();
        long windowStart = now - properties.window().toMillis();
        String topicsKey = redis.key("opinion", "topics");
        Map<String, String> topics = redis.jedis().hgetAll(topicsKey);
        String bestId = null;
        double best = -1;
        String normalised = TextSimilarity.normalise(text);
        for (Map.Entry<String, String> e : topics.entrySet()) {
            TopicState t = TopicState.parse(e.getValue());
            if (t.lastSeen() < windowStart) {
                forget(e.getKey());
                continue;
            }
            double score = TextSimilarity.cosine(vector, t.vector()) + OVERLAP_WEIGHT * overlap(normalised, t.leader());
            if (score > best) {
                best = score;
                bestId = e.getKey();
            }
        }
        TopicState state;
        if (bestId != null && best >= properties.topicSimilarity()) {
            TopicState old = TopicState.parse(topics.get(bestId));
            state = new TopicState(now, old.leader(), mean(old.vector(), old.size(), vector), old.size() + 1);
        } else {
            bestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            state = new TopicState(now, normalised, vector, 1);
        }
        String users = key(bestId, "users");
        redis.jedis().zadd(users, now, openid);
        redis.jedis().zremrangeByScore(users, Double.NEGATIVE_INFINITY, windowStart);
        int count = (int) redis.jedis().zcard(users);
        String samples = key(bestId, "samples");
        if (redis.jedis().llen(samples) < SAMPLES) {
            redis.jedis().rpush(samples, text);
        }
        String alarms = key(bestId, "alarms");
        if (!alarmWords.isEmpty()) {
            redis.jedis().sadd(alarms, alarmWords.toArray(String[]::new));
        }
        long ttl = properties.window().toMillis() * 2;
        for (String k : List.of(users, samples, alarms, key(bestId, "alerted"))) {
            redis.jedis().pexpire(k, ttl);
        }
        redis.jedis().hset(topicsKey, bestId, state.format());
        return new Observation(bestId, state.leader(), count, redis.jedis().lrange(samples, 0, -1),
                new HashSet<>(redis.jedis().smembers(alarms)));
    }

    /** Marks the topic as alerted; true for the one caller that did it first. */
    boolean markAlerted(String topicId) {
        return redis.jedis().set(key(topicId, "alerted"), "1",
                SetParams.setParams().nx().px(properties.window().toMillis() * 2)) != null;
    }

    List<String> users(String topicId) {
        return new ArrayList<>(redis.jedis().zrange(key(topicId, "users"), 0, -1));
    }

    private void forget(String topicId) {
        redis.jedis().hdel(redis.key("opinion", "topics"), topicId);
    }

    private String key(String topicId, String part) {
        return redis.key("opinion", "topic", topicId, part);
    }

    /** The topic's running mean vector after one more message (capped, so an old topic still moves). */
    private static float[] mean(float[] centroid, int size, float[] v) {
        int n = Math.min(size, 20);
        float[] out = new float[centroid.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (centroid[i] * n + v[i]) / (n + 1);
        }
        return out;
    }

    /** Share of the leader's character bigrams that the message also has. */
    static double overlap(String message, String leader) {
        Set<String> a = bigrams(leader);
        if (a.isEmpty()) {
            return 0;
        }
        Set<String> b = bigrams(message);
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / a.size();
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }

    /** A topic's record in the hash: last message time, messages so far, the first message (normalised), the mean vector. */
    private record TopicState(long lastSeen, String leader, float[] vector, int size) {

        String format() {
            ByteBuffer buf = ByteBuffer.allocate(vector.length * 4);
            for (float f : vector) {
                buf.putFloat(f);
            }
            return lastSeen + "|" + size + "|" + Base64.getEncoder().encodeToString(buf.array()) + "|" + leader;
        }

        static TopicState parse(String s) {
            String[] p = s.split("\\|", 4);
            ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(p[2]));
            float[] v = new float[buf.remaining() / 4];
            for (int i = 0; i < v.length; i++) {
                v[i] = buf.getFloat();
            }
            return new TopicState(Long.parseLong(p[0]), p[3], v, Integer.parseInt(p[1]));
        }
    }
}
