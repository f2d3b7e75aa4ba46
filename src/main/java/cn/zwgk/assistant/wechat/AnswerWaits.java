package cn.zwgk.assistant.wechat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Waiting for a message's answer: on the instance computing it, on its future; on any other instance
 * (a retry WeChat sent elsewhere), by polling the shared answer in Redis every 50 ms.
 */
@Component
class AnswerWaits {

    private final ReplyState state;
    private final ScheduledExecutorService timers;
    private final Map<String, CompletableFuture<String>> local = new ConcurrentHashMap<>();

    AnswerWaits(ReplyState state, ReplyExecutors executors) {
        this.state = state;
        this.timers = executors.timers();
    }

    /** The future this instance completes with the answer; waits here use it for 30 s after it completes. */
    CompletableFuture<String> begin(String appId, String messageKey) {
        String id = id(appId, messageKey);
        CompletableFuture<String> future = new CompletableFuture<>();
        local.put(id, future);
        future.whenComplete((a, e) -> timers.schedule(() -> local.remove(id), 30, TimeUnit.SECONDS));
        return future;
    }

    /** The answer once it is there, or empty after {@code wait}. */
    CompletableFuture<Optional<String>> await(String appId, String messageKey, Duration wait) {
        CompletableFuture<String> mine = local.get(id(appId, messageKey));
        if (mine != null) {
            return mine.thenApply(Optional::of)
                    .completeOnTimeout(Optional.empty(), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + wait.toNanos();
        poll(appId, messageKey, deadline, result);
        return result;
    }

    private void poll(String appId, String messageKey, long deadline, CompletableFuture<Optional<String>> result) {
        try {
            Optional<String> answer = state.answer(appId, messageKey);
            if (answer.isPresent() || System.nanoTime() >= deadline) {
                result.complete(answer);
                return;
            }
            timers.schedule(() -> poll(appId, messageKey, deadline, result), 50, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private static String id(String appId, String messageKey) {
        return appId + "|" + messageKey;
    }
}
