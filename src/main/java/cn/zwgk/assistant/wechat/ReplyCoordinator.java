package cn.zwgk.assistant.wechat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.ConversationService;
import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.platform.Texts;

/**
 * Dedupe and the reply budget, driving {@link ReplyState}. The first delivery of a message starts
 * the work off the request thread; every delivery (the first and WeChat's retries, on any
 * instance) waits for the shared answer. A non-final attempt that times out is held past WeChat's
 * 5 s so that WeChat retries; the final one hands the answer over to asynchronous delivery.
 */
@Component
class ReplyCoordinator {

    private static final Logger log = LoggerFactory.getLogger(ReplyCoordinator.class);

    private final ReplyState state;
    private final ConversationService conversation;
    private final LateAnswerDelivery lateDelivery;
    private final UserChannelState users;
    private final RateLimiter limiter;
    private final Texts texts;
    private final WechatProperties properties;
    private final WechatMetrics metrics;
    private final TypingIndicator typing;
    private final Executor workers;
    private final AnswerWaits waits;

    ReplyCoordinator(ReplyState state, ConversationService conversation, LateAnswerDelivery lateDelivery,
                     UserChannelState users, RateLimiter limiter, Texts texts, WechatProperties properties,
                     WechatMetrics metrics, TypingIndicator typing, AnswerWaits waits, ReplyExecutors executors) {
        this.state = state;
        this.conversation = conversation;
        this.lateDelivery = lateDelivery;
        this.users = users;
        this.limiter = limiter;
        this.texts = texts;
        this.properties = properties;
        this.metrics = metrics;
        this.typing = typing;
        this.waits = waits;
        this.workers = executors.workers();
    }

    /**
     * The passive reply for this delivery of the message, or empty for "success". Without Redis
     * (restarting, unreachable) nothing can be deduplicated or shared: the user is told to send
     * the message again shortly (what a dialog already collected is kept in the database).
     */
    CompletableFuture<Optional<String>> reply(Account account, InboundMessage message) {
        try {
            return shared(account, message).exceptionally(e -> unavailable(message, e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(unavailable(message, e));
        }
    }

    /** The answer to a message that cannot be handled now (shared state unavailable): "send it again shortly". */
    CompletableFuture<Optional<String>> unavailable(InboundMessage message) {
        metrics.unavailable();
        return CompletableFuture.completedFuture(Optional.of(texts.get("wechat.unavailable")));
    }

    private Optional<String> unavailable(InboundMessage message, Throwable e) {
        log.warn("Message {} not handled, shared state unavailable: {}", message.messageKey(), e.toString());
        metrics.unavailable();
        return Optional.of(texts.get("wechat.unavailable"));
    }

    private CompletableFuture<Optional<String>> shared(Account account, InboundMessage message) {
        String appId = account.appId();
        String key = message.messageKey();
        ReplyState.Attempt attempt = state.arrive(appId, key);
        if (attempt.first()) {
            start(account, message);
        } else {
            metrics.dedupeHit();
        }
        boolean last = attempt.last();
        return waits.await(appId, key, last ? properties.passiveBudget() : properties.retryHold()).thenApply(answer -> {
            if (answer.isPresent()) {
                return state.passive(appId, key, answer.get(), last);
            }
            return last ? handOff(account, message) : Optional.empty();
        });
    }

    private void start(Account account, InboundMessage message) {
        CompletableFuture<String> future = waits.begin(account.appId(), message.messageKey());
        try {
            workers.execute(() -> compute(account, message, future));
            typing.whileComputing(account, message.openid(), future);
        } catch (RejectedExecutionException e) {
            log.warn("Conversation workers saturated; answering {} with the busy text", message.messageKey());
            finish(account, message, future, Reply.of(conversation.busyText()));
        }
    }

    private void compute(Account account, InboundMessage message, CompletableFuture<String> future) {
        Reply reply;
        try {
            users.onInbound(message);
            RateLimiter.Verdict verdict = limiter.check(message);
            if (verdict != RateLimiter.Verdict.ALLOWED) {
                metrics.rateLimited();
                finish(account, message, future, Reply.of(verdict == RateLimiter.Verdict.NOTICE ? texts.get("wechat.rate-limited") : ""));
                return;
            }
            Optional<String> pending = message.kind() == InboundMessage.Kind.TEXT
                    ? lateDelivery.takePending(account.appId(), message.openid()) : Optional.empty();
            reply = pending.map(Reply::of).orElseGet(() -> conversation.handle(message));
        } catch (RuntimeException e) {
            log.error("Conversation failed for message {}", message.messageKey(), e);
            reply = Reply.of(conversation.busyText());
        }
        finish(account, message, future, reply);
    }

    private void finish(Account account, InboundMessage message, CompletableFuture<String> future, Reply reply) {
        String text = reply.isEmpty() ? "" : reply.text();
        boolean handedOff;
        try {
            handedOff = state.saveAnswer(account.appId(), message.messageKey(), text);
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            return;
        }
        future.complete(text);
        if (state.claimLateDelivery(account.appId(), message.messageKey(), text, handedOff)) {
            lateDelivery.deliver(account, message.openid(), message.messageKey(), text, reply.generated());
        }
    }

    /** The final attempt ran out of time: the answer goes out later, unless it just arrived. */
    private Optional<String> handOff(Account account, InboundMessage message) {
        Optional<String> claimed = state.handOff(account.appId(), message.messageKey());
        return claimed.isPresent() ? claimed.filter(a -> !a.isBlank()) : lateDelivery.placeholder(account);
    }
}
