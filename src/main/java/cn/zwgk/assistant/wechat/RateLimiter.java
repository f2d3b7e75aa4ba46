package cn.zwgk.assistant.wechat;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.platform.Redis;

/**
 * Per-openid rate limit on citizen messages, shared by every instance through Redis: a fixed
 * window ({@code wechat.rate-window}) of at most {@code wechat.rate-limit} messages. The first
 * message over the limit gets a polite notice, the rest of the window silence. Called once per
 * message, after the dedupe, so WeChat's retries of one MsgId never count twice. Events (follow,
 * unfollow, menu clicks) are not counted: they are WeChat's, not typed.
 */
@Component
class RateLimiter {

    enum Verdict { ALLOWED, NOTICE, SILENT }

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** INCR the window's counter; the first message of the window sets its expiry. */
    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """;

    private final Redis redis;
    private final int limit;
    private final long windowMillis;

    RateLimiter(Redis redis, WechatProperties properties) {
        this.redis = redis;
        this.limit = properties.rateLimit();
        this.windowMillis = properties.rateWindow().toMillis();
    }

    Verdict check(InboundMessage message) {
        if (limit <= 0 || message.kind() == InboundMessage.Kind.EVENT) {
            return Verdict.ALLOWED;
        }
        long window = System.currentTimeMillis() / windowMillis;
        String key = redis.key("rate", message.appId(), message.openid(), Long.toString(window));
        long n = ((Number) redis.jedis().eval(COUNT, List.of(key), List.of(Long.toString(windowMillis)))).longValue();
        if (n <= limit) {
            return Verdict.ALLOWED;
        }
        if (n == limit + 1) {
            log.warn("User {} of {} sent more than {} messages in {} s; quiet until the window ends",
                    message.openid(), message.appId(), limit, windowMillis / 1000);
            return Verdict.NOTICE;
        }
        return Verdict.SILENT;
    }
}
