package cn.zwgk.assistant.wechat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Redis;
import redis.clients.jedis.params.SetParams;

/**
 * The reply state machine of one inbound message, shared by every instance through Redis. Its
 * parts are keys {@code wx:msg:{appId}:{messageKey}:{part}}, each living {@code wechat.dedupe-ttl}:
 *
 * <pre>
 *   NEW ──arrive──▶ COMPUTING ──saveAnswer──▶ ANSWERED    (waiting deliveries reply with it)
 *                       │
 *                       └──handOff──▶ HANDED_OFF ──(saveAnswer | handOff | passive) + claim──▶ DELIVERED (once)
 * </pre>
 *
 * <ul>
 *   <li><b>COMPUTING</b> ({@code n}, {@code first}): every delivery of the message (WeChat's first
 *       push and its retries, on any instance) increments the attempt counter {@code n}; the first
 *       also records when it was first seen ({@code first}, epoch ms) and starts the work. A
 *       delivery is <em>final</em> when its number reaches {@code wechat.final-attempt} or it comes
 *       {@code wechat.final-after} or more after the first: WeChat will not retry it.</li>
 *   <li><b>ANSWERED</b> ({@code answer}): the computed text ("" for no reply); waiting deliveries
 *       reply with it passively.</li>
 *   <li><b>HANDED_OFF</b> ({@code handoff}): the final delivery ran out of time; the answer goes
 *       out outside the passive reply (customer-service message or kept for the user's next
 *       message) once it is there.</li>
 *   <li><b>DELIVERED</b> ({@code delivered}, {@code SET NX}): once handed off, the answer goes out
 *       one way only. Three may compete for this claim: the worker storing the answer after the
 *       hand-off, the handing-off delivery itself when the answer arrived just then, and a passive
 *       reply of a delivery after the final one. Whoever claims it sends the answer.</li>
 * </ul>
 */
@Component
class ReplyState {

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
    private final int finalAttempt;
    private final long finalAfterMillis;

    ReplyState(Redis redis, WechatProperties properties, Clock clock) {
        this.redis = redis;
        this.clock = clock;
        this.ttlMillis = properties.dedupeTtl().toMillis();
        this.finalAttempt = properties.finalAttempt();
        this.finalAfterMillis = properties.finalAfter().toMillis();
    }

    /** One delivery of the message arrives (NEW or COMPUTING → COMPUTING): is it the first, is it final? */
    Attempt arrive(String appId, String messageKey) {
        long now = clock.millis();
        List<?> result = (List<?>) redis.jedis().eval(ATTEMPT,
                List.of(key(appId, messageKey, "n"), key(appId, messageKey, "first")),
                List.of(Long.toString(ttlMillis), Long.toString(now)));
        long number = ((Number) result.get(0)).longValue();
        Object first = result.get(1);
        long sinceFirst = Math.max(0, now - (first == null ? now : Long.parseLong(first.toString())));
        return new Attempt(number == 1, number >= finalAttempt || sinceFirst >= finalAfterMillis);
    }

    /** COMPUTING → ANSWERED: stores the answer; returns whether it was HANDED_OFF before (one round trip). */
    boolean saveAnswer(String appId, String messageKey, String text) {
        Object handedOff = redis.jedis().eval(SAVE,
                List.of(key(appId, messageKey, "answer"), key(appId, messageKey, "handoff")),
                List.of(text, Long.toString(ttlMillis)));
        return handedOff instanceof Long n && n == 1L;
    }

    /**
     * After {@link #saveAnswer}: whether the worker that stored {@code text} is the one to deliver it
     * late (HANDED_OFF → DELIVERED): only a non-blank answer to a handed-off message, and only if it
     * wins the claim.
     */
    boolean claimLateDelivery(String appId, String messageKey, String text, boolean handedOff) {
        return !text.isBlank() && handedOff && claim(appId, messageKey);
    }

    /**
     * The passive reply of a delivery that found the answer (empty: "success"). Only the final
     * delivery, or one after it, can meet a hand-off; once handed off, the passive reply competes
     * for the claim and stays empty when it loses.
     */
    Optional<String> passive(String appId, String messageKey, String answer, boolean last) {
        if (last && handedOff(appId, messageKey) && !claim(appId, messageKey)) {
            return Optional.empty();
        }
        return Optional.of(answer).filter(a -> !a.isBlank());
    }

    /**
     * COMPUTING → HANDED_OFF, by the final delivery that ran out of time. Returns the answer (possibly
     * blank) when it arrived meanwhile and this delivery won the claim; empty when the answer will
     * go out late.
     */
    Optional<String> handOff(String appId, String messageKey) {
        redis.jedis().set(key(appId, messageKey, "handoff"), "1", SetParams.setParams().px(ttlMillis));
        Optional<String> answer = answer(appId, messageKey);
        return answer.isPresent() && claim(appId, messageKey) ? answer : Optional.empty();
    }

    /** The stored answer, if ANSWERED (read by deliveries waiting on another instance). */
    Optional<String> answer(String appId, String messageKey) {
        return Optional.ofNullable(redis.jedis().get(key(appId, messageKey, "answer")));
    }

    private boolean handedOff(String appId, String messageKey) {
        return redis.jedis().exists(key(appId, messageKey, "handoff"));
    }

    /** True for exactly one caller: the one that delivers the answer outside the passive reply. */
    private boolean claim(String appId, String messageKey) {
        return "OK".equals(redis.jedis().set(key(appId, messageKey, "delivered"), "1",
                SetParams.setParams().nx().px(ttlMillis)));
    }

    private String key(String appId, String messageKey, String part) {
        return redis.key("wx", "msg", appId, messageKey, part);
    }

    /**
     * One delivery of a message.
     *
     * @param first the first: it starts the work
     * @param last  final: WeChat will not retry it, so it hands the answer off when out of time
     */
    record Attempt(boolean first, boolean last) {
    }
}
