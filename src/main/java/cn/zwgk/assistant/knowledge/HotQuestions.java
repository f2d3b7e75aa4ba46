package cn.zwgk.assistant.knowledge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Masking;
import cn.zwgk.assistant.platform.Redis;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * 热门问题: this week's most asked answered questions per account, counted in Redis once per asker.
 * Only questions with no personal data in them (nothing {@link Masking} would change) and asked by
 * at least two people are ever listed, since the list is shown to everyone.
 */
@Component
class HotQuestions {

    static final int MIN_ASKERS = 2;
    private static final long TTL_SECONDS = 15L * 24 * 3600;

    private final Redis redis;
    private final Clock clock;

    HotQuestions(Redis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Counts an answered question for this week, once per asker. */
    void answered(String appId, String openid, String question) {
        String q = displayForm(question);
        if (q.length() < 4 || q.length() > 40 || !Masking.scrub(q).equals(q)) {
            return;
        }
        String week = week();
        String askers = redis.key("hot", appId, week, "askers", sha1(q));
        if (redis.jedis().sadd(askers, sha1(openid)) == 1) {
            redis.jedis().expire(askers, TTL_SECONDS);
            String ranking = redis.key("hot", appId, week);
            redis.jedis().zincrby(ranking, 1, q);
            redis.jedis().expire(ranking, TTL_SECONDS);
        }
    }

    /** This week's most asked questions, most asked first, each asked by at least two people. */
    List<String> top(String appId, int n) {
        return redis.jedis().zrevrangeByScore(redis.key("hot", appId, week()), Double.POSITIVE_INFINITY, MIN_ASKERS, 0, n);
    }

    /** The question as listed: Simplified for counting, without surrounding space and end punctuation. */
    static String displayForm(String question) {
        String q = ScriptConverter.toSimplified(question == null ? "" : question).strip().replaceAll("\\s+", " ");
        return q.replaceAll("[？?。!！~～，,]+$", "") + (q.isEmpty() ? "" : "？");
    }

    private String week() {
        LocalDate today = OfficeTime.today(clock);
        return today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
