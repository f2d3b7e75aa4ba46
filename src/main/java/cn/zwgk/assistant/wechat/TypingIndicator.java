package cn.zwgk.assistant.wechat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
 */
@Component
class TypingIndicator {

    private static final Logger log = LoggerFactory.getLogger(TypingIndicator.class);
    /** How long WeChat shows the indicator. */
    static final Duration SHOWN_FOR = Duration.ofSeconds(15);
    /** How long after the user's message WeChat accepts it. */
    static final Duration ACCEPTED_WITHIN = Duration.ofSeconds(30);

    private final WechatClients clients;
    private final WechatProperties properties;
    private final WechatMetrics metrics;
    private final Executor workers;
    private final ScheduledExecutorService timers;

    TypingIndicator(WechatClients clients, WechatProperties properties, WechatMetrics metrics, ReplyExecutors executors) {
        this.clients = clients;
        this.properties = properties;
        this.metrics = metrics;
        this.workers = executors.workers();
        this.timers = executors.timers();
    }

    /** Shows the indicator to the user for as long as {@code answer} is being computed, within WeChat's limits. */
    void whileComputing(Account account, String openid, CompletableFuture<?> answer) {
        Duration after = properties.typingAfter();
        if (account.customerService() && !after.isZero() && !after.isNegative()) {
            schedule(account, openid, answer, after, after);
        }
    }

    /** Shows it {@code delay} from now, {@code at} after the message, and again when it fades if still needed. */
    private void schedule(Account account, String openid, CompletableFuture<?> answer, Duration at, Duration delay) {
        if (at.compareTo(ACCEPTED_WITHIN) >= 0) {
            return;
        }
        ScheduledFuture<?> due = timers.schedule(() -> {
            if (answer.isDone()) {
                return;
            }
            try {
                workers.execute(() -> send(account, openid));
            } catch (RejectedExecutionException e) {
                return; // the workers are saturated: answers first
            }
            schedule(account, openid, answer, at.plus(SHOWN_FOR), SHOWN_FOR);
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((a, e) -> due.cancel(false)); // most answers are quick: no timer left behind
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
