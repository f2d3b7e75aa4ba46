package cn.zwgk.assistant.wechat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WeChat channel settings.
 *
 * @param apiBaseUrl       replaces {@code https://api.weixin.qq.com} (a stand-in in tests and local runs)
 * @param replayWindow     requests whose timestamp is further than this from now are refused
 * @param maxBodyBytes     larger webhook bodies are refused with 413
 * @param passiveBudget    how long a request waits for its answer before it gives up on this attempt
 * @param retryHold        how long a non-final attempt is held, so that WeChat's own retry takes over
 * @param finalAttempt     the attempt number WeChat does not retry after (1 + 3 retries)
 * @param finalAfter       an attempt that starts this long after the first is treated as final too
 * @param dedupeTtl        how long message keys and shared answers stay in Redis: at least twice the
 *                         replay window plus 5 s, for a request is good for the window either side
 *                         of its timestamp, and a replay of it must still find its message (else it
 *                         would be handled again)
 * @param apiMaxRetries    WxJava's retry count for errcode -1 (its default waits ~31 s); 0 leaves retries to the outbox
 * @param apiRetrySleep    WxJava's first back-off step
 * @param workers          threads that compute answers off the request threads
 * @param workerQueue      messages waiting for a worker before new ones get the busy text
 * @param inlineWait       how long the request thread waits for the answer before the request goes
 *                         asynchronous (quick answers are then written without an async dispatch)
 * @param rateLimit        most messages one openid may send per {@code rateWindow} (0 = no limit); the
 *                         first one over gets a polite notice, the rest of the window silence
 * @param rateWindow       the rate limit's fixed window
 * @param typingAfter      an answer still being computed this long after the message shows WeChat's
 *                         typing indicator, on accounts with customer-service permission (0 = never)
 */
@ConfigurationProperties("wechat")
record WechatProperties(
        String apiBaseUrl,
        @DefaultValue("300s") Duration replayWindow,
        @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue("4500ms") Duration passiveBudget,
        @DefaultValue("5500ms") Duration retryHold,
        @DefaultValue("4") int finalAttempt,
        @DefaultValue("14s") Duration finalAfter,
        @DefaultValue("610s") Duration dedupeTtl,
        @DefaultValue("0") int apiMaxRetries,
        @DefaultValue("200ms") Duration apiRetrySleep,
        @DefaultValue("16") int workers,
        @DefaultValue("2000") int workerQueue,
        @DefaultValue("100ms") Duration inlineWait,
        @DefaultValue("30") int rateLimit,
        @DefaultValue("60s") Duration rateWindow,
        @DefaultValue("1500ms") Duration typingAfter) {

    public WechatProperties {
        if (dedupeTtl.compareTo(replayWindow.multipliedBy(2).plusSeconds(5)) < 0) {
            throw new IllegalArgumentException("wechat.dedupe-ttl (" + dedupeTtl + ") must be at least twice "
                    + "wechat.replay-window (" + replayWindow + ") plus 5 s: a replayed request must still find its message");
        }
    }
}
