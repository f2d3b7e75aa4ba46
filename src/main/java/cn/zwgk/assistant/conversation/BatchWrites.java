package cn.zwgk.assistant.conversation;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hands the {@link ConversationLogWriter}'s batches to its sink and counts them: a batch that fails as a
 * whole is retried row by row, and rows that still fail are dropped, counted in
 * {@code conversation.log.dropped} (reason {@code write-failed}) and logged.
 */
final class BatchWrites {

    private static final Logger log = LoggerFactory.getLogger(ConversationLogWriter.class);

    private final ConversationLogWriter.Sink sink;
    private final Counter written;
    private final Counter droppedFailed;

    BatchWrites(ConversationLogWriter.Sink sink, MeterRegistry metrics) {
        this.sink = sink;
        this.written = Counter.builder("conversation.log.written").description("Messages written to the conversation log")
                .register(metrics);
        this.droppedFailed = ConversationLogWriter.dropped(metrics, "write-failed");
    }

    void write(List<PendingLog> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            sink.write(List.copyOf(batch));
            written.increment(batch.size());
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                droppedFailed.increment();
                log.warn("Could not write a conversation log row: {}", e.toString());
                return;
            }
            log.warn("Could not write a conversation log batch of {}, retrying row by row: {}", batch.size(), e.toString());
        }
        int failed = 0;
        for (PendingLog entry : batch) {
            try {
                sink.write(List.of(entry));
                written.increment();
            } catch (RuntimeException e) {
                failed++;
            }
        }
        if (failed > 0) {
            droppedFailed.increment(failed);
            log.warn("Dropped {} conversation log rows that could not be written", failed);
        }
    }
}
