package cn.zwgk.assistant.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Redis;

/**
 * Remembers, for as long as its timestamp is fresh, which body each signed query string came
 * with. The outer {@code signature} covers only token, timestamp and nonce, so one query string
 * read from a log would otherwise carry any body for the whole replay window. WeChat's own
 * retries repeat query string and body, and go on to the message dedupe ({@link ReplyState}).
 */
@Component
class ReplayGuard {

    private static final Logger log = LoggerFactory.getLogger(ReplayGuard.class);

    /**
     * Verdict on a request: its query string is new, seen with this very body, seen with another;
     * or unchecked, Redis being unreachable.
     */
    enum Verdict { FIRST, REPEAT, CONFLICT, UNCHECKED }

    /** SET the body digest if the key is new; else compare. 0 new, 1 same body, 2 another body. */
    private static final String ADMIT = """
            local seen = redis.call('GET', KEYS[1])
            if not seen then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 0
            end
            if seen == ARGV[1] then
              return 1
            end
            return 2
            """;

    private static final String URL_CHECK = "url-check";

    private final Redis redis;
    private final Clock clock;
    private final long windowMillis;

    ReplayGuard(Redis redis, Clock clock, WechatProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.windowMillis = properties.replayWindow().toMillis();
    }

    /**
     * Records the request. The key is the signature as computed (lower-case hex, so a change of
     * case is no new query string), kept until the timestamp leaves the window, plus a second.
     *
     * @param epochSeconds the request's timestamp, already checked to be fresh
     */
    Verdict admit(String appId, String signature, long epochSeconds, String body) {
        return record(appId, signature, epochSeconds, digest(body));
    }

    /**
     * Records the query string of a URL check (GET): it signs timestamp and nonce like a message's,
     * so it must carry no message afterwards. Its mark is no body's digest.
     */
    void reserveForUrlCheck(String appId, String signature, long epochSeconds) {
        record(appId, signature, epochSeconds, URL_CHECK);
    }

    private Verdict record(String appId, String signature, long epochSeconds, String mark) {
        long ttl = Math.max(1000, epochSeconds * 1000 + windowMillis - clock.millis() + 1000);
        Object result;
        try {
            result = redis.jedis().eval(ADMIT, List.of(redis.key("wx", "seen", appId, signature.toLowerCase(Locale.ROOT))),
                    List.of(mark, Long.toString(ttl)));
        } catch (RuntimeException e) {
            log.warn("Cannot check a request for {} against replays: {}", appId, e.toString());
            return Verdict.UNCHECKED;
        }
        long code = result instanceof Long n ? n : 2L;
        return code == 0 ? Verdict.FIRST : code == 1 ? Verdict.REPEAT : Verdict.CONFLICT;
    }

    private static String digest(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
