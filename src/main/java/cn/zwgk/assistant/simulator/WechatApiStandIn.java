package cn.zwgk.assistant.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.wechat.Account;
import cn.zwgk.assistant.wechat.AccountRegistry;

/**
 * The state behind the WeChat API stand-in at {@code /simulator/wx-api}: the access tokens it
 * issued, the messages WxJava sent through it, and faults to inject into the next sends. Tests use
 * it as their hook and the simulator page shows what it caught. Thread-safe, in memory only.
 */
@Component
@ConditionalOnBooleanProperty("simulator.enabled")
public class WechatApiStandIn {

    /** The send APIs the stand-in speaks. */
    public enum Api { CUSTOMER_SERVICE, TEMPLATE, SUBSCRIBE, MENU, TYPING }

    /**
     * A message the stand-in accepted.
     *
     * @param id      a sequence number, increasing in the order messages arrived
     * @param api     which API it came through
     * @param appId   the account whose access token was used
     * @param toUser  the recipient openid (null for menus)
     * @param content the readable content: the text, the template fields, the menu names
     * @param rawJson the request body as WxJava sent it
     * @param time    when it arrived
     */
    public record SentMessage(long id, Api api, String appId, String toUser, String content, String rawJson,
                              Instant time) {
    }

    private final StandInTokens tokens;
    private final int kept;
    private final Clock clock;
    private final Deque<SentMessage> sent = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong templateMsgIds = new AtomicLong(2_000_000_000L);
    private int failRemaining;
    private int failCode;
    private int delayRemaining;
    private Duration delay = Duration.ZERO;

    @Autowired
    WechatApiStandIn(AccountRegistry accounts, SimulatorProperties properties, Clock clock) {
        this(accounts::find, properties.tokenLifetime(), properties.keptMessages(), clock);
    }

    WechatApiStandIn(Function<String, Optional<Account>> accounts, Duration tokenLifetime, int kept, Clock clock) {
        this.tokens = new StandInTokens(accounts, tokenLifetime, clock);
        this.kept = kept;
        this.clock = clock;
    }

    /** Every message accepted so far (up to the configured number), oldest first. */
    public synchronized List<SentMessage> sent() {
        return List.copyOf(sent);
    }

    /** The accepted messages addressed to one openid, oldest first. */
    public List<SentMessage> sentTo(String openid) {
        if (openid == null) {
            return List.of();
        }
        return sent().stream().filter(m -> openid.equals(m.toUser())).toList();
    }

    /** Forgets the messages, pending faults and the token request count; issued tokens stay valid. */
    public synchronized void clear() {
        sent.clear();
        failRemaining = 0;
        delayRemaining = 0;
        tokens.resetRequests();
    }

    /** Answers the next {@code count} sends with {@code errcode} (e.g. -1 "system busy", 45015). */
    public synchronized void failNext(int count, int errcode) {
        if (errcode == 0) {
            throw new IllegalArgumentException("errcode 0 is success, not a failure");
        }
        this.failRemaining = Math.max(0, count);
        this.failCode = errcode;
    }

    /** Holds the answer to the next {@code count} sends for {@code delay}, to make callers time out. */
    public synchronized void delayNext(int count, Duration delay) {
        this.delayRemaining = Math.max(0, count);
        this.delay = Objects.requireNonNull(delay);
    }

    /** How many access tokens were asked for (plain and stable). */
    public int tokenRequests() {
        return tokens.requests();
    }

    /** Makes every issued token invalid, as if they had expired: the next send answers 40001. */
    public void expireTokens() {
        tokens.expireAll();
    }

    StandInTokens tokens() {
        return tokens;
    }

    /** A typing indicator ("Typing" or "CancelTyping"): recorded, untouched by the faults meant for messages. */
    Map<String, Object> typing(String appId, String toUser, String command) {
        if (toUser == null || toUser.isBlank()) {
            return WechatErrors.error(WechatErrors.INVALID_OPENID);
        }
        record(new SentMessage(ids.incrementAndGet(), Api.TYPING, appId, toUser, command, null, clock.instant()));
        return WechatErrors.ok();
    }

    /** One send through the API: applies pending faults, then records it. Returns WeChat's JSON answer. */
    Map<String, Object> deliver(Api api, String appId, String toUser, String content, String rawJson) {
        Fault fault = takeFault();
        if (!fault.delay().isZero()) {
            pause(fault.delay());
        }
        if (fault.errcode() != 0) {
            return WechatErrors.error(fault.errcode());
        }
        if (api != Api.MENU && (toUser == null || toUser.isBlank())) {
            return WechatErrors.error(WechatErrors.INVALID_OPENID);
        }
        record(new SentMessage(ids.incrementAndGet(), api, appId, toUser, content, rawJson, clock.instant()));
        Map<String, Object> answer = WechatErrors.ok();
        if (api == Api.TEMPLATE) {
            answer.put("msgid", templateMsgIds.incrementAndGet());
        }
        return answer;
    }

    private synchronized void record(SentMessage message) {
        sent.addLast(message);
        while (sent.size() > kept) {
            sent.removeFirst();
        }
    }

    private synchronized Fault takeFault() {
        Duration wait = Duration.ZERO;
        int errcode = 0;
        if (delayRemaining > 0) {
            delayRemaining--;
            wait = delay;
        }
        if (failRemaining > 0) {
            failRemaining--;
            errcode = failCode;
        }
        return new Fault(wait, errcode);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Fault(Duration delay, int errcode) {
    }
}
