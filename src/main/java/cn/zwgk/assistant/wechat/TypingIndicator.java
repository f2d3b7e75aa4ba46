package cn.zwgk.assistant.wechat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WeChat's typing indicator ({@code /cgi-bin/message/custom/typing}) while an answer takes longer
 * than {@code wechat.typing-after}, on accounts with customer-service permission. WeChat shows it
 * for 15 s and accepts it only within 30 s of the user's message, so it is sent at most twice. It is
 * a status, not a message: sent directly and best-effort, not through the outbox, for a late
 * "typing…" after the answer is worse than none.
 *
 * <p>Answers being computed are watched in a map that one timer sweeps every {@value #SWEEP_MS} ms: most
 * answers are quick, and a timer of their own each would cost every message on the WeChat path.
 */
@Component
class TypingIndicator {

    private static final Logger log = LoggerFactory.getLogger(TypingIndicator.class);
    /** How long WeChat shows the indicator. */
    static final Duration SHOWN_FOR = Duration.ofSeconds(15);
    /** How long after the user's message WeChat accepts it. */
    static final Duration ACCEPTED_WITHIN = Duration.ofSeconds(30);
    static final long SWEEP_MS = 250;

    /** An answer being computed for a user, since when (nanos), and how often the indicator was shown. */
    private static final class Watch {
        final Account account;
        final String openid;
        final long since = System.nanoTime();
        int shown;

        Watch(Account account, String openid) {
            this.account = account;
            this.openid = openid;
        }
    }

    private final WechatClients clients;
    private final WechatProperties properties;
    private final WechatMetrics metrics;
    private final Executor workers;
    private final Map<CompletableFuture<?>, Watch> watched = new ConcurrentHashMap<>();

    TypingIndicator(WechatClients clients, WechatProperties properties, WechatMetrics metrics, ReplyExecutors executors) {
        this.clients = clients;
        this.properties = properties;
        this.metrics = metrics;
        this.workers = executors.workers();
        if (enabled()) {
            executors.timers().scheduleWithFixedDelay(this::sweep, SWEEP_MS, SWEEP_MS, TimeUnit.MILLISECONDS);
        }
    }

    private boolean enabled() {
        Duration after = properties.typingAfter();
        return !after.isZero() && !after.isNegative();
    }

    /** Shows the indicator to the user for as long as {@code answer} is being computed, within WeChat's limits. */
    void whileComputing(Account account, String openid, CompletableFuture<?> answer) {
        if (account.customerService() && enabled() && !answer.isDone()) {
            watched.put(answer, new Watch(account, openid));
            answer.whenComplete((a, e) -> watched.remove(answer));
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        watched.forEach((answer, w) -> {
            long elapsed = now - w.since;
            long due = properties.typingAfter().plus(SHOWN_FOR.multipliedBy(w.shown)).toNanos();
            if (elapsed >= ACCEPTED_WITHIN.toNanos() || due >= ACCEPTED_WITHIN.toNanos()) {
                watched.remove(answer);
            } else if (elapsed >= due && !answer.isDone()) {
                w.shown++;
                try {
                    workers.execute(() -> send(w.account, w.openid));
                } catch (RejectedExecutionException e) {
                    // the workers are saturated: answers first
                }
            }
        });
    }

    private void send(Account account, String openid) {
        try {
            clients.service(account.appId()).getKefuService().sendKfTypingState(openid, "Typing");
            metrics.typing();
        } catch (Exception e) {
            log.debug("Typing indicator not shown: {}", e.toString());
        }
    }
}
