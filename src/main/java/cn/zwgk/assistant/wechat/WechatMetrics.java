package cn.zwgk.assistant.wechat;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Message counts, reply latency, dedupe hits, refusals and asynchronous deliveries. */
@Component
class WechatMetrics {

    private final MeterRegistry registry;
    private final Timer replyLatency;
    private final Counter dedupeHits;

    WechatMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.replyLatency = Timer.builder("wechat.reply.latency")
                .description("Time from receiving a webhook request to sending its response")
                .publishPercentileHistogram()
                .register(registry);
        this.dedupeHits = Counter.builder("wechat.dedupe.hits")
                .description("Retries of a message already being handled").register(registry);
    }

    void received(InboundMessage message) {
        registry.counter("wechat.messages", "kind", message.kind().name().toLowerCase()).increment();
    }

    void refused(String reason) {
        registry.counter("wechat.refused", "reason", reason).increment();
    }

    void dedupeHit() {
        dedupeHits.increment();
    }

    void unavailable() {
        registry.counter("wechat.unavailable").increment();
    }

    void rateLimited() {
        registry.counter("wechat.rate.limited").increment();
    }

    void replied(long startedNanos) {
        replyLatency.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    void asyncDelivery(String mode) {
        registry.counter("wechat.deliveries.async", "mode", mode).increment();
    }

    /** A typing indicator WeChat accepted. */
    void typing() {
        registry.counter("wechat.typing").increment();
    }
}
