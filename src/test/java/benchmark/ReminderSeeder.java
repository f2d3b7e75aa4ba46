package benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zwgk.assistant.Application;
import cn.zwgk.assistant.reminder.ReminderService;

/**
 * Runs in a JVM of its own started by {@link ReminderBench}: the whole application
 * ({@code SpringApplication.run(Application.class)}, same arguments as the server), then
 * {@code ReminderService.createCustom} — the method behind {@code POST /api/reminders}, with its
 * transaction, reminder row and Quartz trigger in the JDBC store — called from {@code seed.threads}
 * threads for {@code seed.count} reminders due in 1 to 60 days. Then {@code seed.due} reminders due
 * one after the other over {@code seed.dueSpreadSeconds}, starting {@code seed.dueDelaySeconds}
 * from now (after the application has been restarted). Writes its figures to {@code seed.out} and exits.
 *
 * <p>Not over HTTP: every {@code /api} request checks the admin's BCrypt password (HTTP Basic,
 * stateless), which on two cores costs more than the scheduling (see docs/benchmarks.md).
 */
public final class ReminderSeeder {

    static final String FAR_TEXT = "bench-far";
    static final String DUE_TEXT = "bench-due";
    static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    private ReminderSeeder() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("seed.count");
        int due = Integer.getInteger("seed.due");
        int threads = Integer.getInteger("seed.threads", 4);
        long dueDelayMillis = Long.getLong("seed.dueDelaySeconds") * 1000;
        long spreadMillis = Long.getLong("seed.dueSpreadSeconds") * 1000;
        String dueText = System.getProperty("seed.dueText", DUE_TEXT);
        List<String> openids = ReminderBench.STAFF_OPENIDS;
        ConfigurableApplicationContext context = SpringApplication.run(Application.class, args);
        int exit = 1;
        try {
            ReminderService reminders = context.getBean(ReminderService.class);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        OffsetDateTime at = OffsetDateTime.now(OFFSET).plusDays(1)
                                .plusSeconds(random.nextLong(Duration.ofDays(59).toSeconds()));
                        try {
                            reminders.createCustom(FAR_TEXT, List.of(openids.get(i % openids.size())), at);
                        } catch (RuntimeException e) {
                            if (failed.incrementAndGet() <= 5) {
                                e.printStackTrace();
                            }
                        }
                        if ((i + 1) % 10_000 == 0) {
                            System.out.printf("seeded %d in %.0f s%n", i + 1, (System.nanoTime() - started) / 1e9);
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
                throw new IllegalStateException("seeding did not finish in 2 h");
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            // The window opens dueDelay after the due batch is scheduled: its start is pushed back by
            // 1.5 × the time the batch should take at the rate just measured (0.1 s each without one).
            long dueStarted = System.nanoTime();
            double secondsEach = count > 0 ? seconds / count : 0.1;
            Instant windowStart = Instant.now().plusMillis(dueDelayMillis + (long) (1500 * secondsEach * due));
            for (int i = 0; i < due; i++) {
                Instant at = windowStart.plusMillis(spreadMillis * i / due);
                reminders.createCustom(dueText, List.of(openids.get(i % openids.size())), at.atOffset(OFFSET));
            }
            Files.writeString(Path.of(System.getProperty("seed.out")), String.join("\n",
                    "count=" + count, "failed=" + failed.get(), "threads=" + threads, "seconds=" + seconds,
                    "due=" + due, "dueSeconds=" + (System.nanoTime() - dueStarted) / 1e9, "windowStart=" + windowStart, "windowEnd=" + windowStart.plusMillis(spreadMillis)) + "\n");
            exit = failed.get() == 0 ? 0 : 2;
        } finally {
            SpringApplication.exit(context);
        }
        System.exit(exit);
    }
}
