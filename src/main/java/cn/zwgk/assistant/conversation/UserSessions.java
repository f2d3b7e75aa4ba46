package cn.zwgk.assistant.conversation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Redis;

/**
 * Per-user conversation state in Redis, expiring {@code sessionTtl} after the last message:
 * named fields (the last intent, the active dialog …) and the pages of a long answer not yet read.
 */
@Component
public class UserSessions {

    private static final String DIALOG = "dialog";

    private static final String SWAP = """
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return old
            """;

    private final Redis redis;
    private final long ttlMillis;

    UserSessions(Redis redis, ConversationProperties properties) {
        this.redis = redis;
        this.ttlMillis = properties.sessionTtl().toMillis();
    }

    public Optional<String> get(String appId, String openid, String field) {
        return Optional.ofNullable(redis.jedis().hget(stateKey(appId, openid), field));
    }

    public void put(String appId, String openid, String field, String value) {
        swap(appId, openid, field, value);
    }

    /** Sets the field, renews the session's lifetime and returns the field's previous value, in one round trip. */
    public Optional<String> swap(String appId, String openid, String field, String value) {
        Object previous = redis.jedis().eval(SWAP, List.of(stateKey(appId, openid)),
                List.of(field, value, Long.toString(ttlMillis)));
        return Optional.ofNullable(previous).map(Object::toString);
    }

    /** Adds one to a counting field and renews the session's lifetime; returns the new count. */
    public long increment(String appId, String openid, String field) {
        long n = redis.jedis().hincrBy(stateKey(appId, openid), field, 1);
        redis.jedis().pexpire(stateKey(appId, openid), ttlMillis);
        return n;
    }

    public void remove(String appId, String openid, String field) {
        redis.jedis().hdel(stateKey(appId, openid), field);
    }

    /** Makes {@code dialog} (a {@link DialogHandler#name()}) the user's active dialog. */
    public void startDialog(String appId, String openid, String dialog) {
        put(appId, openid, DIALOG, dialog);
    }

    public void endDialog(String appId, String openid) {
        remove(appId, openid, DIALOG);
    }

    public Optional<String> activeDialog(String appId, String openid) {
        return get(appId, openid, DIALOG);
    }

    void savePages(String appId, String openid, List<String> pages) {
        String key = pagesKey(appId, openid);
        redis.jedis().del(key);
        if (!pages.isEmpty()) {
            redis.jedis().rpush(key, pages.toArray(String[]::new));
            redis.jedis().pexpire(key, ttlMillis);
        }
    }

    Optional<String> nextPage(String appId, String openid) {
        return Optional.ofNullable(redis.jedis().lpop(pagesKey(appId, openid)));
    }

    boolean hasMorePages(String appId, String openid) {
        return redis.jedis().llen(pagesKey(appId, openid)) > 0;
    }

    private String stateKey(String appId, String openid) {
        return redis.key("conv", appId, openid);
    }

    private String pagesKey(String appId, String openid) {
        return redis.key("conv", appId, openid, "pages");
    }
}
