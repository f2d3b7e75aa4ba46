package benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code -Dbench.mode=reminders}: {@code bench.reminders} (100 000) pending reminders in the Quartz
 * JDBC store. In order, each in a JVM of its own with the same options and arguments:
 * <ol>
 * <li>the application on a fresh database (Flyway creates the schema), stopped;</li>
 * <li>the application on the empty, migrated database: the start-up baseline; creates the staff the
 *     reminders go to ({@code POST /api/staff}), stopped;</li>
 * <li>{@link ReminderSeeder}: schedules the reminders (time and rate), then {@code bench.due}
 *     (1 500) reminders due over {@code bench.dueSpread} (90 s) starting {@code bench.dueDelay}
 *     (150 s) later;</li>
 * <li>the application again, with all of them pending: start-up time; a few {@code /api/reminders}
 *     calls over HTTP; then it fires the due batch while the others stay pending, and is stopped.</li>
 * </ol>
 * Then {@link ReminderFigures} reads the delays and sizes from the database. Report in
 * {@code target/bench/reminders.md}.
 */
final class ReminderBench {

    static final List<String> STAFF_OPENIDS = IntStream.range(0, 10).mapToObj(i -> "oBenchStaff" + i).toList();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes());

    private ReminderBench() {
    }

    static void run(BenchSettings settings) throws Exception {
        String reuse = property("bench.reuse", "");
        int count = Integer.parseInt(property("bench.reminders", reuse.isEmpty() ? "100000" : "0"));
        int due = Integer.parseInt(property("bench.due", "1500"));
        long spread = Long.parseLong(property("bench.dueSpread", "90"));
        long delay = Long.parseLong(property("bench.dueDelay", "150"));
        String id = reuse.isEmpty() ? "rem" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) : reuse;
        boolean keep = reuse.isEmpty() && Boolean.parseBoolean(property("bench.keep", "false"));
        if (!reuse.isEmpty() && !settings.external()) {
            throw new IllegalArgumentException("bench.reuse needs bench.backend=external");
        }
        String dueText = ReminderSeeder.DUE_TEXT + "-" + System.currentTimeMillis();
        ExternalBackend backend = settings.external() ? new ExternalBackend(settings, id) : null;
        Path dataDir = Files.createTempDirectory("zwgk-reminders-");
        List<String> appArgs = BenchmarkRunner.appArgs(settings, id, dataDir, backend);
        String loadStart = SoakRunner.loadAverage();
        say(String.format("%d pending + %d due over %d s, backend %s, load %s", count, due, spread, settings.backend(), loadStart));
        try (AutoAnalyze analyze = backend == null ? null : AutoAnalyze.whenAutovacuumIsOff(settings.pgUrl(),
                settings.pgUser(), id, 20)) {
            double fresh = reuse.isEmpty() ? startAndStop("reminders-fresh", settings, appArgs, null) : Double.NaN;
            double empty = reuse.isEmpty() ? startAndStop("reminders-empty", settings, appArgs, ReminderBench::addStaff) : Double.NaN;

            Path seedOut = settings.out().resolve("reminders-seed.properties");
            List<String> seederJvm = new ArrayList<>(settings.jvmArgs());
            seederJvm.addAll(List.of("-Dseed.count=" + count, "-Dseed.due=" + due, "-Dseed.dueSpreadSeconds=" + spread,
                    "-Dseed.dueDelaySeconds=" + delay, "-Dseed.out=" + seedOut, "-Dseed.dueText=" + dueText));
            String seederClasspath = BenchmarkRunner.applicationClasspath() + java.io.File.pathSeparator
                    + Path.of("target", "test-classes").toAbsolutePath();
            say("seeding " + count + " reminders in-process (ReminderService.createCustom)");
            try (ServerProcess seeder = ServerProcess.start("reminders-seed", seederJvm, seederClasspath,
                    ReminderSeeder.class.getName(), appArgs, settings.out())) {
                int exit = seeder.awaitExit(Duration.ofHours(2));
                if (exit != 0) {
                    throw new IllegalStateException("seeder exited with " + exit + ":\n" + seeder.logTail());
                }
            }
            Properties seed = new Properties();
            try (var in = Files.newBufferedReader(seedOut)) {
                seed.load(in);
            }
            say("seeded in " + seed.getProperty("seconds") + " s; due window " + seed.getProperty("windowStart")
                    + " – " + seed.getProperty("windowEnd"));

            Instant windowEnd = Instant.parse(seed.getProperty("windowEnd"));
            double[] http = new double[3];
            double loaded = startAndStop("reminders-100k", settings, appArgs, server -> {
                http[0] = timeRequests(server, 20, i -> post(server, "/api/reminders", "{\"text\":\"bench-http\",\"recipients\":[\""
                        + STAFF_OPENIDS.get(0) + "\"],\"at\":\"" + OffsetDateTime.now(ReminderSeeder.OFFSET).plusDays(30) + "\"}"));
                http[1] = timeRequests(server, 20, i -> get(server, "/api/reminders?subject=none-" + i));
                http[2] = quartzStartMillis(server);
                awaitFired(server, due, windowEnd);
            });
            String loadEnd = SoakRunner.loadAverage();
            ReminderFigures figures = backend != null
                    ? ReminderFigures.postgres(settings.pgUrl() + "?currentSchema=" + id, settings.pgUser(), id, dueText)
                    : ReminderFigures.h2(dataDir, dueText);
            seed.setProperty("flyway", flywayLines(settings.out()));
            seed.setProperty("analyze", analyze == null ? "embedded H2" : analyze.describe());
            String report = ReminderReport.markdown(settings, seed, fresh, empty, loaded, http, figures, loadStart, loadEnd);
            Files.writeString(settings.out().resolve("reminders.md"), report);
            System.out.println();
            System.out.println(report);
        } finally {
            if (keep || !reuse.isEmpty()) {
                say("kept schema " + id + " (bench.reuse=" + id + " measures it again; drop it afterwards)");
            } else if (backend != null) {
                backend.clean();
            }
            BenchmarkRunner.deleteRecursively(dataDir);
        }
    }

    interface WhileUp {
        void run(ServerProcess server) throws Exception;
    }

    /** Starts the application, returns the seconds until it answered the webhook's URL check; stops it. */
    private static double startAndStop(String name, BenchSettings settings, List<String> appArgs, WhileUp whileUp)
            throws Exception {
        try (ServerProcess server = ServerProcess.start(name, settings.jvmArgs(), BenchmarkRunner.applicationClasspath(),
                "cn.zwgk.assistant.Application", appArgs, settings.out())) {
            long started = System.nanoTime();
            server.awaitReady(Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - started) / 1e9;
            say(String.format("%s: ready after %.1f s", name, seconds));
            if (whileUp != null) {
                whileUp.run(server);
            }
            return seconds;
        }
    }

    private static void addStaff(ServerProcess server) throws IOException, InterruptedException {
        for (int i = 0; i < STAFF_OPENIDS.size(); i++) {
            post(server, "/api/staff", "{\"name\":\"Bench " + i + "\",\"roles\":[\"HANDLER\"],\"openid\":\""
                    + STAFF_OPENIDS.get(i) + "\"}");
        }
    }

    /** Waits for the log to show every due reminder fired (or 3 minutes past the window), then 5 s for the outbox. */
    private static void awaitFired(ServerProcess server, int due, Instant windowEnd) throws Exception {
        say("waiting for the due batch (window ends " + windowEnd + ")");
        Duration left = Duration.between(Instant.now(), windowEnd.plusSeconds(180));
        try {
            await().atMost(left.isNegative() ? Duration.ZERO : left).pollInterval(Duration.ofSeconds(2))
                    .until(() -> fired(server) >= due);
        } catch (ConditionTimeoutException e) {
            // reported below: the figures say how many fired
        }
        say(fired(server) + " of " + due + " fired by " + Instant.now());
        // the outbox sends the last ones within its poll interval; the figures read sent_at after the stop
        Thread.sleep(5000);
    }

    private static long fired(ServerProcess server) throws IOException {
        return server.logLines().stream().filter(l -> l.contains("fired to")).count();
    }

    /** Flyway's "Successfully applied …" lines of the seeder and the loaded start. */
    private static String flywayLines(Path out) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String name : List.of("reminders-seed", "reminders-100k")) {
            for (String line : Files.readAllLines(out.resolve(name + ".log"))) {
                if (line.contains("Successfully applied")) {
                    lines.append(name).append(": ").append(line.substring(line.lastIndexOf(" : ") + 3)).append("; ");
                }
            }
        }
        return lines.toString();
    }

    /** Milliseconds from "Starting Quartz Scheduler now" to "Scheduler … started." in the log. */
    private static double quartzStartMillis(ServerProcess server) throws IOException {
        Instant starting = null;
        for (String line : server.logLines()) {
            if (line.contains("Starting Quartz Scheduler now")) {
                starting = Instant.parse(line.substring(0, line.indexOf(' ')));
            } else if (starting != null && line.matches(".*Scheduler \\S+ started\\..*")) {
                return Duration.between(starting, Instant.parse(line.substring(0, line.indexOf(' ')))).toNanos() / 1e6;
            }
        }
        return Double.NaN;
    }

    interface Request {
        void send(int i) throws IOException, InterruptedException;
    }

    /** Median milliseconds of {@code n} sequential requests. */
    private static double timeRequests(ServerProcess server, int n, Request request) throws Exception {
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            request.send(i);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return millis[n / 2];
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static void post(ServerProcess server, String path, String json) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static void get(ServerProcess server, String path) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path)).GET());
    }

    private static void send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request.header("Authorization", AUTH).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static void say(String what) {
        System.out.printf("[%tT] reminders: %s%n", System.currentTimeMillis(), what);
    }
}
