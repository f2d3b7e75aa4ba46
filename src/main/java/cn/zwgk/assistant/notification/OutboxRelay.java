package cn.zwgk.assistant.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends due outbox messages. Each instance polls; a conditional update claims a message for one
 * instance at a time, and a lease lets another instance pick up a message whose sender died.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final Map<String, OutboundChannel> channels;
    private final NotificationProperties properties;
    private final MeterRegistry metrics;
    private final ApplicationEventPublisher events;
    private final TransactionOperations tx;
    private final Clock clock;
    private final ExecutorService executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wakePending = new AtomicBoolean();

    OutboxRelay(OutboxRepository repository, List<OutboundChannel> channels, NotificationProperties properties,
                MeterRegistry metrics, ApplicationEventPublisher events, TransactionOperations tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.repository = repository;
        this.channels = channels.stream().collect(Collectors.toMap(OutboundChannel::name, Function.identity()));
        this.properties = properties;
        this.metrics = metrics;
        this.events = events;
        this.executor = Executors.newSingleThreadExecutor(new CustomizableThreadFactory("outbox-wake-"));
    }

    /**
     * Asks for a poll soon, without waiting for the next tick. Inside a transaction the poll waits
     * for the commit (before it the new row is invisible); wake-ups requested while one is pending
     * are folded into it.
     */
    void wake() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeNow();
                }
            });
        } else {
            wakeNow();
        }
    }

    private void wakeNow() {
        if (!wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                wakePending.set(false);
                poll();
            });
        } catch (RuntimeException e) {
            wakePending.set(false);
            log.debug("Outbox wake-up skipped: {}", e.getMessage());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${notification.outbox.poll-interval:500ms}")
    void poll() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            List<Long> due;
            do {
                Instant now = clock.instant();
                due = repository.due(now, properties.batchSize());
                for (Long id : due) {
                    if (repository.claim(id, now, now.plus(properties.lease()))) {
                        repository.findById(id).ifPresent(this::send);
                    }
                }
            } while (due.size() == properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox poll failed: {}", e.toString());
        } finally {
            running.set(false);
        }
    }

    private void send(OutboxEntry entry) {
        OutboundChannel channel = channels.get(entry.channel());
        OutboundMessage message = new OutboundMessage(entry.deliveryKey(), entry.channel(), entry.account(),
                entry.recipient(), entry.payload());
        try {
            if (channel == null) {
                throw DeliveryException.permanent("no channel named " + entry.channel());
            }
            channel.send(message);
            repository.markSent(entry.id(), clock.instant());
            count(entry, "sent");
        } catch (DeliveryException e) {
            if (e.permanent() || entry.attempts() >= properties.maxAttempts()) {
                // the failure and its event are stored together: staff hears it after the commit, even across a crash
                tx.executeWithoutResult(status -> {
                    repository.markFailed(entry.id(), e.getMessage());
                    events.publishEvent(new OutboundFailed(entry.deliveryKey(), entry.channel(), entry.account(),
                            entry.recipient(), entry.payload(), e.getMessage()));
                });
                count(entry, "failed");
                log.warn("Outbox message {} failed for good: {}", entry.id(), e.getMessage());
            } else {
                Instant next = clock.instant().plus(backoff(entry.attempts()));
                repository.markRetry(entry.id(), next, e.getMessage());
                count(entry, "retry");
                log.info("Outbox message {} will be retried at {}: {}", entry.id(), next, e.getMessage());
            }
        } catch (RuntimeException e) {
            repository.markRetry(entry.id(), clock.instant().plus(backoff(entry.attempts())), e.toString());
            count(entry, "retry");
            log.warn("Outbox message {} hit an unexpected error", entry.id(), e);
        }
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration d = properties.firstBackoff().multipliedBy(factor);
        return d.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : d;
    }

    private void count(OutboxEntry entry, String result) {
        metrics.counter("outbox.deliveries", "channel", entry.channel(), "result", result).increment();
    }
}
