package cn.zwgk.assistant.wechat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.platform.Redis;

/**
 * What WeChat lets us push to a user: nothing after they unsubscribe (kept in the database), and
 * customer-service messages only inside the window their last interaction opened (5 messages in
 * 48 h after a message; 3 in a minute after a menu click or follow), kept in Redis.
 */
@Component
class UserChannelState {

    /** KEYS: window key; ARGV: limit. Returns 1 and counts the send when the window has room. */
    private static final String TAKE = """
            local limit = tonumber(redis.call('HGET', KEYS[1], 'limit') or '0')
            if limit == 0 then return 0 end
            local used = redis.call('HINCRBY', KEYS[1], 'used', 1)
            if used > limit then redis.call('HINCRBY', KEYS[1], 'used', -1) return 0 end
            return 1
            """;
    private static final String RELEASE = """
            if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('HGET', KEYS[1], 'used') or '0') > 0 then
              redis.call('HINCRBY', KEYS[1], 'used', -1)
            end
            return 1
            """;
    private static final String OPEN = """
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl > tonumber(ARGV[1]) then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'limit', ARGV[2], 'used', 0)
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """;

    private final Redis redis;
    private final JdbcClient jdbc;
    private final Clock clock;

    UserChannelState(Redis redis, JdbcClient jdbc, Clock clock) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void onInbound(InboundMessage message) {
        if (message.isEvent("unsubscribe")) {
            setSubscribed(message.appId(), message.openid(), false);
            redis.jedis().del(windowKey(message.appId(), message.openid()));
            return;
        }
        if (message.isEvent("subscribe")) {
            setSubscribed(message.appId(), message.openid(), true);
        }
        if (message.kind() == InboundMessage.Kind.EVENT) {
            open(message, Duration.ofMinutes(1), 3);
        } else {
            open(message, Duration.ofHours(48), 5);
        }
    }

    boolean subscribed(String appId, String openid) {
        return jdbc.sql("select subscribed from wechat_subscriber where app_id = ? and openid = ?")
                .params(appId, openid).query(Boolean.class).optional().orElse(true);
    }

    /** Counts one customer-service message against the window; false when there is no room. */
    boolean takeWindowSlot(String appId, String openid) {
        Object result = redis.jedis().eval(TAKE, List.of(windowKey(appId, openid)), List.of());
        return result instanceof Long n && n == 1L;
    }

    /** Gives back a slot taken for a send that WeChat did not accept. */
    void releaseWindowSlot(String appId, String openid) {
        redis.jedis().eval(RELEASE, List.of(windowKey(appId, openid)), List.of());
    }

    private void open(InboundMessage message, Duration length, int limit) {
        redis.jedis().eval(OPEN, List.of(windowKey(message.appId(), message.openid())),
                List.of(Long.toString(length.toMillis()), Integer.toString(limit)));
    }

    private void setSubscribed(String appId, String openid, boolean subscribed) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update wechat_subscriber set subscribed = ?, updated_at = ? where app_id = ? and openid = ?")
                .params(subscribed, now, appId, openid).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into wechat_subscriber (app_id, openid, subscribed, updated_at) values (?, ?, ?, ?)")
                        .params(appId, openid, subscribed, now).update();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                setSubscribed(appId, openid, subscribed);
            }
        }
    }

    private String windowKey(String appId, String openid) {
        return redis.key("wx", "window", appId, openid);
    }
}
