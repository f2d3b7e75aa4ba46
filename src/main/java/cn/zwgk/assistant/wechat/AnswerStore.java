package cn.zwgk.assistant.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Redis;
import redis.clients.jedis.params.SetParams;

/**
 * The state of one inbound message shared by every instance through Redis: how many times WeChat
 * has delivered it, when it was first seen, its answer once computed, whether the answer was
 * handed off to asynchronous delivery, and whether that delivery was claimed.
 */
@Component
class AnswerStore {

    /** INCR the attempt counter; on the first attempt set the TTL and remember the time. */
    private static final String ATTEMPT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[1])
            end
            return {n, redis.call('GET', KEYS[2])}
            """;

    /** SET the answer, then tell whether the hand-off flag is set. */
    private static final String SAVE = """
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return redis.call('EXISTS', KEYS[2])
            """;

    private final Redis redis;
    private final Clock clock;
    private final long ttlMillis;

    AnswerStore(Redis redis, WechatProperties properties, Clock clock) {
        this.redis = redis;
        this.clock = clock;
        this.ttlMillis = properties.dedupeTtl().toMillis();
    }

    /** Records one delivery of the message; returns the attempt number and the first-seen time. */
    Attempt attempt(String appId, String messageKey) {
        long now = clock.millis();
        List<?> result = (List<?>) redis.jedis().eval(ATTEMPT,
                List.of(key(appId, messageKey, "n"), key(appId, messageKey, "first")),
                List.of(Long.toString(ttlMillis), Long.toString(now)));
        long number = ((Number) result.get(0)).longValue();
        Object first = result.get(1);
        long firstSeen = first == null ? now : Long.parseLong(first.toString());
        return new Attempt((int) number, Duration.ofMillis(Math.max(0, now - firstSeen)));
    }

    /** Stores the answer; returns whether the message was already handed off (one round trip). */
    boolean saveAnswer(String appId, String messageKey, String text) {
        Object handedOff = redis.jedis().eval(SAVE,
                List.of(key(appId, messageKey, "answer"), key(appId, messageKey, "handoff")),
                List.of(text, Long.toString(ttlMillis)));
        return handedOff instanceof Long n && n == 1L;
    }

    Optional<String> answer(String appId, String messageKey) {
        return Optional.ofNullable(redis.jedis().get(key(appId, messageKey, "answer")));
    }

    void markHandedOff(String appId, String messageKey) {
        redis.jedis().set(key(appId, messageKey, "handoff"), "1", SetParams.setParams().px(ttlMillis));
    }

    boolean handedOff(String appId, String messageKey) {
        return redis.jedis().exists(key(appId, messageKey, "handoff"));
    }

    /** True for exactly one caller: the one that delivers the answer outside the passive reply. */
    boolean claimDelivery(String appId, String messageKey) {
        return "OK".equals(redis.jedis().set(key(appId, messageKey, "delivered"), "1",
                SetParams.setParams().nx().px(ttlMillis)));
    }

    /** Answers finished after the last retry, for accounts without customer-service messages. */
    void pushPending(String appId, String openid, String text) {
        String key = redis.key("wx", "pending", appId, openid);
        redis.jedis().rpush(key, text);
        redis.jedis().pexpire(key, Duration.ofDays(2).toMillis());
    }

    Optional<String> popPending(String appId, String openid) {
        return Optional.ofNullable(redis.jedis().lpop(redis.key("wx", "pending", appId, openid)));
    }

    private String key(String appId, String messageKey, String part) {
        return redis.key("wx", "msg", appId, messageKey, part);
    }

    record Attempt(int number, Duration sinceFirst) {
    }
}
