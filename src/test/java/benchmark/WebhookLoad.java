package benchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Posts signed text messages to one webhook and measures the acknowledgement: the time until the
 * HTTP response has been read. Two shapes of load:
 * <ul>
 * <li>{@link #openLoop}: a constant rate. Each message has a scheduled send time and its latency is
 *     counted from that time, not from when a connection became free, so a stalled server is not
 *     hidden by a stalled client (no coordinated omission).</li>
 * <li>{@link #closedLoop}: a fixed number of connections, each sending its next message as soon as
 *     the previous answer arrives: the throughput at saturation.</li>
 * </ul>
 */
final class WebhookLoad {

    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);
    private static final Task STOP = new Task(0, null);

    private final String host;
    private final int port;
    private final java.util.function.Supplier<BenchAccount.Message> messages;
    private final int timeoutMillis;

    WebhookLoad(String host, int port, BenchAccount account, int timeoutMillis) {
        this(host, port, account::next, timeoutMillis);
    }

    /** Load made of whatever {@code messages} supplies (the soak's mixed traffic). */
    WebhookLoad(String host, int port, java.util.function.Supplier<BenchAccount.Message> messages, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.messages = messages;
        this.timeoutMillis = timeoutMillis;
    }

    /** {@code rate} messages a second for {@code duration}, over up to {@code connections} connections. */
    Tally openLoop(double rate, Duration duration, int connections) throws InterruptedException {
        long total = Math.round(rate * duration.toNanos() / 1e9);
        double periodNanos = 1e9 / rate;
        BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Tally tally = new Tally();
            tallies.add(tally);
            threads.add(start("open-loop-" + i, () -> drain(queue, tally)));
        }
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (long i = 0; i < total; i++) {
            BenchAccount.Message message = messages.get();
            long scheduled = start + Math.round(i * periodNanos);
            for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            queue.add(new Task(scheduled, message));
        }
        for (int i = 0; i < connections; i++) {
            queue.add(STOP);
        }
        return join(threads, tallies, start);
    }

    /** {@code connections} connections sending back to back for {@code duration}. */
    Tally closedLoop(Duration duration, int connections) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Tally tally = new Tally();
            tallies.add(tally);
            threads.add(start("closed-loop-" + i, () -> {
                try (HttpConnection connection = connection()) {
                    while (System.nanoTime() < deadline) {
                        send(connection, messages.get(), System.nanoTime(), tally);
                    }
                }
            }));
        }
        return join(threads, tallies, start);
    }

    HttpConnection connection() {
        return new HttpConnection(host, port, timeoutMillis);
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    private void drain(BlockingQueue<Task> queue, Tally tally) {
        try (HttpConnection connection = connection()) {
            for (Task task = queue.take(); task != STOP; task = queue.take()) {
                send(connection, task.message(), task.scheduledNanos(), tally);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpConnection connection, BenchAccount.Message message, long fromNanos, Tally tally) {
        String outcome;
        try {
            HttpConnection.Response response = connection.post(BenchAccount.path() + "?" + message.query(),
                    message.body());
            outcome = response.status() != 200 ? "http " + response.status()
                    : message.answeredBy(response.body()) ? null : "200 without a reply";
        } catch (IOException e) {
            outcome = e.getClass().getSimpleName();
        }
        tally.record(System.nanoTime(), fromNanos, outcome);
    }

    private static Tally join(List<Thread> threads, List<Tally> tallies, long start) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        Tally all = new Tally();
        for (Tally tally : tallies) {
            all.add(tally);
        }
        all.startNanos = start;
        return all;
    }

    private record Task(long scheduledNanos, BenchAccount.Message message) {
    }

    /** Latencies (µs) and outcomes of one phase; each thread keeps its own and they are added up. */
    static final class Tally {

        final Histogram latencyMicros = new Histogram(HIGHEST_MICROS, 3);
        final java.util.Map<String, Long> failures = new java.util.TreeMap<>();
        long ok;
        long startNanos;
        long lastNanos;

        void record(long nowNanos, long fromNanos, String failure) {
            latencyMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (nowNanos - fromNanos) / 1000)));
            lastNanos = Math.max(lastNanos, nowNanos);
            if (failure == null) {
                ok++;
            } else {
                failures.merge(failure, 1L, Long::sum);
            }
        }

        void add(Tally other) {
            latencyMicros.add(other.latencyMicros);
            other.failures.forEach((k, v) -> failures.merge(k, v, Long::sum));
            ok += other.ok;
            lastNanos = Math.max(lastNanos, other.lastNanos);
        }

        long count() {
            return latencyMicros.getTotalCount();
        }

        long errors() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        double seconds() {
            return (lastNanos - startNanos) / 1e9;
        }

        /** Answered messages a second, from the first send to the last answer. */
        double throughput() {
            return ok / seconds();
        }

        double millis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.getMaxValue() / 1000.0;
        }
    }
}
