package cn.zwgk.assistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Batching, flushing and dropping of the conversation-log writer, with an in-memory sink. */
class ConversationLogWriterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<List<PendingLog>> batches = new CopyOnWriteArrayList<>();
    private ConversationLogWriter writer;

    @AfterEach
    void stop() {
        if (writer != null) {
            writer.stop();
        }
    }

    @Test
    void queuedMessagesAreWrittenInBatchesOfAtMostTheBatchSize() {
        writer = new ConversationLogWriter(batches::add, 100, 10, Duration.ofMillis(200), meters, Clock.systemUTC());
        for (int i = 0; i < 25; i++) {
            writer.record(text("m" + i), "m" + i, Intent.SMALL_TALK, "r" + i, System.nanoTime());
        }
        writer.start();
        awaitWritten(25);
        assertThat(batches).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(batches.stream().flatMap(List::stream).map(PendingLog::inboundText))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 25).mapToObj(i -> "m" + i).toList());
        assertThat(meters.counter("conversation.log.written").count()).isEqualTo(25);
    }

    @Test
    void aPartialBatchWaitsForTheFlushIntervalThenIsWritten() {
        // an interval well above the watch below, so that a busy machine cannot make the check late
        writer = new ConversationLogWriter(batches::add, 100, 10, Duration.ofMillis(1500), meters, Clock.systemUTC());
        writer.start();
        writer.record(text("one"), "one", Intent.HELP, "reply", System.nanoTime());
        Awaitility.await("written before the interval").during(Duration.ofMillis(100)).atMost(Duration.ofMillis(1000))
                .pollInterval(Duration.ofMillis(20)).until(batches::isEmpty);
        assertThat(batches).as("written before the interval").isEmpty();
        awaitWritten(1);
        assertThat(batches.get(0).get(0).replyText()).isEqualTo("reply");
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        writer = new ConversationLogWriter(batch -> {
            await(release);
            batches.add(batch);
        }, 3, 1, Duration.ofMillis(10), meters, Clock.systemUTC());
        writer.start();
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            writer.record(text("m" + i), "m" + i, null, null, System.nanoTime());
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_000);
        release.countDown();
        awaitWritten(50 - (int) dropped("queue-full"));
        // the writer held at most one row while blocked, the queue three: the rest was dropped
        assertThat(dropped("queue-full")).isBetween(46.0, 47.0);
    }

    @Test
    void stoppingWritesWhatIsQueuedWithoutWaitingForTheInterval() {
        writer = new ConversationLogWriter(batches::add, 100, 50, Duration.ofSeconds(30), meters, Clock.systemUTC());
        writer.start();
        for (int i = 0; i < 7; i++) {
            writer.record(text("m" + i), "m" + i, null, "r", System.nanoTime());
        }
        long started = System.nanoTime();
        writer.stop();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(15);
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(7);
        writer.record(text("late"), "late", null, "r", System.nanoTime());
        writer.flushRemaining();
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(8);
    }

    @Test
    void aFailingBatchIsRetriedRowByRowAndOnlyTheBadRowIsDropped() {
        writer = new ConversationLogWriter(batch -> {
            if (batch.stream().anyMatch(p -> "bad".equals(p.inboundText()))) {
                throw new IllegalStateException("constraint violated");
            }
            batches.add(batch);
        }, 100, 10, Duration.ofMillis(50), meters, Clock.systemUTC());
        for (String t : List.of("a", "bad", "b", "c")) {
            writer.record(text(t), t, null, null, System.nanoTime());
        }
        writer.flushRemaining();
        assertThat(batches.stream().flatMap(List::stream).map(PendingLog::inboundText)).containsExactly("a", "b", "c");
        assertThat(dropped("write-failed")).isEqualTo(1);
    }

    @Test
    void eventsAreRecordedWithTheirNameAndKey() {
        writer = new ConversationLogWriter(batches::add, 10, 10, Duration.ofMillis(50), meters, Clock.systemUTC());
        writer.record(new InboundMessage("app", "openid-1234567890", InboundMessage.Kind.EVENT, null, "click", "POLICY_QA",
                "k", null), null, Intent.POLICY_QUESTION, "menu", System.nanoTime());
        writer.flushRemaining();
        PendingLog p = batches.get(0).get(0);
        assertThat(p.event()).isEqualTo("click POLICY_QA");
        assertThat(p.inboundText()).isNull();
        assertThat(p.intent()).isEqualTo(Intent.POLICY_QUESTION);
    }

    private double dropped(String reason) {
        return meters.counter("conversation.log.dropped", "reason", reason).count();
    }

    private void awaitWritten(int n) {
        Awaitility.await("waiting for " + n + " rows").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> batches.stream().mapToInt(List::size).sum() >= n);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InboundMessage text(String text) {
        return new InboundMessage("app", "oUser1234567890abcd", InboundMessage.Kind.TEXT, text, null, null, "k", null);
    }
}
