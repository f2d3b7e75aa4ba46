package cn.zwgk.assistant.wechat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/** The threads behind the webhook: workers that compute answers, and timers for the waits. */
@Component
class ReplyExecutors implements DisposableBean {

    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor timers;

    ReplyExecutors(WechatProperties properties) {
        this.workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.workerQueue()), new CustomizableThreadFactory("reply-worker-"));
        this.timers = new ScheduledThreadPoolExecutor(2, new CustomizableThreadFactory("reply-timer-"));
        this.timers.setRemoveOnCancelPolicy(true);
    }

    ExecutorService workers() {
        return workers;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        timers.shutdown();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
