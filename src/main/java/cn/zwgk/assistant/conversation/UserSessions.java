package cn.zwgk.assistant.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Redis;

/**
 * Per-user conversation state in Redis, expiring {@code sessionTtl} after the last message:
 * named fields (the last intent, the active dialog …) and the pages of a long answer not yet read.
 * While {@link ConversationService} handles one text message, the user's fields are read once and
 * served from memory to every module that asks ({@link #load}): the WeChat path pays one round trip
 * for them, however many features keep state there. Writes go to Redis at once.
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
    private final Clock clock;
    /** The fields of the user whose message this thread is handling, as read at its start and written since. */
    private final ThreadLocal<Snapshot> snapshot = new ThreadLocal<>();

    private record Snapshot(String key, Map<String, String> fields) {
    }

    UserSessions(Redis redis, ConversationProperties properties, Clock clock) {
        this.redis = redis;
        this.ttlMillis = properties.sessionTtl().toMillis();
        this.clock = clock;
    }

    /** Reads all of the user's fields in one round trip; this thread's reads of them come from memory until {@link #unload}. */
    void load(String appId, String openid) {
        String key = stateKey(appId, openid);
        snapshot.set(new Snapshot(key, new HashMap<>(redis.jedis().hgetAll(key))));
    }

    void unload() {
        snapshot.remove();
    }

    /** The loaded fields when they are this user's, else null. */
    private Map<String, String> loaded(String key) {
        Snapshot s = snapshot.get();
        return s != null && s.key().equals(key) ? s.fields() : null;
    }

    public Optional<String> get(String appId, String openid, String field) {
        String key = stateKey(appId, openid);
        Map<String, String> loaded = loaded(key);
        return Optional.ofNullable(loaded != null ? loaded.get(field) : redis.jedis().hget(key, field));
    }

    public void put(String appId, String openid, String field, String value) {
        swap(appId, openid, field, value);
    }

    /**
     * Sets a field that counts only for {@code lifetime} from now: an offer the user's next message may
     * take up (rate the answer just given, pick a listed question). Read it with {@link #getLive}.
     */
    public void putFor(String appId, String openid, String field, String value, Duration lifetime) {
        put(appId, openid, field, (clock.millis() + lifetime.toMillis()) + "|" + value);
    }

    /** A field set with {@link #putFor}, while its lifetime lasts. */
    public Optional<String> getLive(String appId, String openid, String field) {
        return get(appId, openid, field).flatMap(v -> {
            int bar = v.indexOf('|');
            return bar > 0 && clock.millis() <= Long.parseLong(v.substring(0, bar))
                    ? Optional.of(v.substring(bar + 1)) : Optional.empty();
        });
    }

    /** Sets the field, renews the session's lifetime and returns the field's previous value, in one round trip. */
    public Optional<String> swap(String appId, String openid, String field, String value) {
        String key = stateKey(appId, openid);
        Object previous = redis.jedis().eval(SWAP, List.of(key), List.of(field, value, Long.toString(ttlMillis)));
        Map<String, String> loaded = loaded(key);
        if (loaded != null) {
            loaded.put(field, value);
        }
        return Optional.ofNullable(previous).map(Object::toString);
    }

    /** Adds one to a counting field and renews the session's lifetime; returns the new count. */
    public long increment(String appId, String openid, String field) {
        String key = stateKey(appId, openid);
        long n = redis.jedis().hincrBy(key, field, 1);
        redis.jedis().pexpire(key, ttlMillis);
        Map<String, String> loaded = loaded(key);
        if (loaded != null) {
            loaded.put(field, Long.toString(n));
        }
        return n;
    }

    public void remove(String appId, String openid, String field) {
        String key = stateKey(appId, openid);
        redis.jedis().hdel(key, field);
        Map<String, String> loaded = loaded(key);
        if (loaded != null) {
            loaded.remove(field);
        }
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
