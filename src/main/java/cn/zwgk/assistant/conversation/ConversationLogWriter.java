package cn.zwgk.assistant.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

/**
 * Logs handled messages off the request path: {@link #record} only offers to a bounded queue (a full
 * queue drops the entry and counts it in {@code conversation.log.dropped}, it never blocks); one
 * background thread writes batches of up to {@code logBatchSize} rows, at the latest
 * {@code logFlushInterval} after the first row of a batch arrived. Stopping the context writes what
 * is left, and entries recorded after that are written when the bean is destroyed.
 */
@Component
class ConversationLogWriter implements SmartLifecycle {

    /** Writes one batch; a failure of the whole batch is retried row by row. */
    interface Sink {
        void write(List<PendingLog> batch);
    }

    private static final Logger log = LoggerFactory.getLogger(ConversationLogWriter.class);
    /** Bounds the raw text kept in memory (redaction truncates much further). */
    private static final int MAX_RAW = 4 * LogRedactor.MAX_TEXT;

    private final BatchWrites batches;
    private final BlockingQueue<PendingLog> queue;
    private final int batchSize;
    private final long intervalNanos;
    private final Counter droppedFull;
    private final Clock clock;
    private volatile boolean running;
    private Thread thread;

    @Autowired
    ConversationLogWriter(ConversationLogRepository repository, LogRedactor redactor,
                          ConversationProperties properties, MeterRegistry metrics, Clock clock) {
        this(batch -> repository.insert(batch.stream().map(redactor::redact).toList()), properties.logQueueCapacity(),
                properties.logBatchSize(), properties.logFlushInterval(), metrics, clock);
    }

    ConversationLogWriter(Sink sink, int capacity, int batchSize, Duration interval, MeterRegistry metrics, Clock clock) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
        this.batchSize = Math.max(1, batchSize);
        this.intervalNanos = interval.toNanos();
        this.batches = new BatchWrites(sink, metrics);
        this.droppedFull = dropped(metrics, "queue-full");
        this.clock = clock;
        metrics.gauge("conversation.log.queue", queue, BlockingQueue::size);
    }

    static Counter dropped(MeterRegistry metrics, String reason) {
        return Counter.builder("conversation.log.dropped").tag("reason", reason)
                .description("Messages not written to the conversation log").register(metrics);
    }

    /** Queues one handled message, its text as {@code inbound} (masked by a dialog, or as received); never blocks. */
    void record(InboundMessage message, String inbound, Intent intent, String reply, long startedNanos) {
        String event = message.kind() == InboundMessage.Kind.EVENT
                ? (message.event() + (message.eventKey() == null || message.eventKey().isEmpty() ? "" : " " + message.eventKey()))
                : null;
        int ms = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
        PendingLog entry = new PendingLog(clock.instant(), message.appId(), message.openid(), message.kind(), event, intent,
                bounded(inbound), bounded(reply), ms);
        if (!queue.offer(entry)) {
            droppedFull.increment();
        }
    }

    private static String bounded(String text) {
        return text == null || text.length() <= MAX_RAW ? text : text.substring(0, MAX_RAW);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "conversation-log-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            try {
                t.join(TimeUnit.NANOSECONDS.toMillis(intervalNanos) + 10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushRemaining();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server and the answer workers, so that their last messages are still logged. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** Writes whatever is still queued, on the calling thread. */
    @PreDestroy
    synchronized void flushRemaining() {
        List<PendingLog> batch = new ArrayList<>(batchSize);
        while (queue.drainTo(batch, batchSize) > 0) {
            batches.write(batch);
            batch.clear();
        }
    }

    private void run() {
        List<PendingLog> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                PendingLog first = queue.poll(intervalNanos, TimeUnit.NANOSECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + intervalNanos;
                while (batch.size() < batchSize && running) {
                    queue.drainTo(batch, batchSize - batch.size());
                    long left = deadline - System.nanoTime();
                    if (batch.size() >= batchSize || left <= 0) {
                        break;
                    }
                    PendingLog next = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                    if (next != null) {
                        batch.add(next);
                    }
                }
                batches.write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.warn("Conversation log writer: {}", e.toString());
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            batches.write(batch);
        }
    }
}
