package cn.zwgk.assistant.opinion;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Redis;

/** Who asked about an incident and when (a sorted set per incident in Redis, trimmed to the push window). */
@Component
class Askers {

    private final Redis redis;
    private final OpinionProperties properties;

    Askers(Redis redis, OpinionProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    void asked(long incidentId, String appId, String openid, Instant at) {
        String key = key(incidentId);
        redis.jedis().zadd(key, at.toEpochMilli(), appId + "|" + openid);
        redis.jedis().zremrangeByScore(key, Double.NEGATIVE_INFINITY, at.minus(properties.pushWithin()).toEpochMilli());
        redis.jedis().pexpire(key, properties.pushWithin().toMillis());
    }

    /** appId → openid pairs of those who asked within the push window, oldest first. */
    List<Map.Entry<String, String>> recent(long incidentId, Instant now) {
        return redis.jedis().zrangeByScore(key(incidentId), now.minus(properties.pushWithin()).toEpochMilli(),
                        Double.POSITIVE_INFINITY).stream()
                .map(member -> {
                    int bar = member.indexOf('|');
                    return Map.entry(member.substring(0, bar), member.substring(bar + 1));
                }).toList();
    }

    private String key(long incidentId) {
        return redis.key("opinion", "askers", Long.toString(incidentId));
    }
}
