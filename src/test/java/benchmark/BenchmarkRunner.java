package benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The webhook benchmark: measures the bare WxJava echo endpoint ({@link BareEchoApplication}) and the
 * application, one after the other, each in its own JVM with the same options, and prints a Markdown
 * report (also written to {@code target/bench/results.md}). Run it with {@code ./mvnw -Pbench verify};
 * {@link BenchSettings} lists the knobs.
 *
 * <p>Each server runs alone on the machine while it is measured (the other one is stopped), so both
 * get the same two cores, their own heap and JIT, and neither pays for the other's idle work.
 * The load generator is this JVM and is the same for both. Per server: start, wait for the URL
 * check, check that a message is answered and a bad signature refused, warm up (closed loop, not
 * measured), then the closed-loop saturation phase and the open-loop phase at {@code bench.rate}
 * (last, so that the JIT has had the most time before the latency that has a target is measured).
 */
public final class BenchmarkRunner {

    private static final Duration ROUND = Duration.ofSeconds(5);
    private static final int TIMEOUT_MILLIS = 15_000;

    private BenchmarkRunner() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Files.createDirectories(settings.out());
        String mode = System.getProperty("bench.mode", "").trim();
        if ("soak".equalsIgnoreCase(mode)) {
            SoakRunner.run(settings);
            return;
        }
        if ("reminders".equalsIgnoreCase(mode)) {
            ReminderBench.run(settings);
            return;
        }
        System.out.println("Webhook benchmark: " + settings.describe());
        List<Measurement> measurements = new ArrayList<>();
        for (String target : settings.targets()) {
            measurements.add(measure(target, settings));
        }
        String report = Report.markdown(settings, measurements);
        Files.writeString(settings.out().resolve("results.md"), report);
        System.out.println();
        System.out.println(report);
    }

    private static Measurement measure(String target, BenchSettings settings) throws Exception {
        String id = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ExternalBackend backend = settings.external() ? new ExternalBackend(settings, id) : null;
        Path dataDir = Files.createTempDirectory("zwgk-bench-");
        ServerProcess server = switch (target) {
            case "bare" -> ServerProcess.start(target, settings.jvmArgs(), System.getProperty("java.class.path"),
                    BareEchoApplication.class.getName(), List.of(), settings.out());
            case "app" -> ServerProcess.start(target, settings.jvmArgs(), applicationClasspath(),
                    "cn.zwgk.assistant.Application", appArgs(settings, id, dataDir, backend), settings.out());
            default -> throw new IllegalArgumentException("unknown target " + target + " (bare, app)");
        };
        try (server) {
            long started = System.nanoTime();
            server.awaitReady(Duration.ofMinutes(3));
            say(target, String.format("ready on port %d after %.1f s", server.port, (System.nanoTime() - started) / 1e9));
            WebhookLoad load = new WebhookLoad("127.0.0.1", server.port, new BenchAccount(settings.users()),
                    TIMEOUT_MILLIS);
            sanityCheck(target, load);
            CpuMeter cpu = new CpuMeter(server);
            WarmUp warmUp = warmUp(target, load, server, settings);
            say(target, "saturation, " + settings.saturationConnections() + " connections");
            CpuMeter.Sample before = cpu.sample();
            WebhookLoad.Tally saturated = load.closedLoop(settings.saturation(), settings.saturationConnections());
            CpuMeter.Usage saturatedCpu = before.to(cpu.sample());
            say(target, "open loop " + settings.rate() + " msg/s for " + settings.duration().toSeconds() + " s");
            before = cpu.sample();
            WebhookLoad.Tally open = load.openLoop(settings.rate(), settings.duration(), settings.openConnections());
            CpuMeter.Usage openCpu = before.to(cpu.sample());
            say(target, "done");
            return new Measurement(target, warmUp, open, openCpu, saturated, saturatedCpu);
        } catch (Exception e) {
            System.err.println("Last lines of " + target + "'s log:\n" + server.logTail());
            throw e;
        } finally {
            if (backend != null) {
                backend.clean();
            }
            deleteRecursively(dataDir);
        }
    }

    /**
     * Closed-loop load until the JIT has settled: at least {@code bench.warmup}, then 5 s rounds until
     * the server's compiler threads use less than 5 % of a core in two rounds in a row, at most
     * {@code bench.warmupMax}. On two busy cores C2 compiles the Spring stack for a minute or more;
     * measured before it is done, its CPU would be charged to the first phase and its queue would
     * leave hot code interpreted.
     */
    private static WarmUp warmUp(String target, WebhookLoad load, ServerProcess server, BenchSettings settings)
            throws InterruptedException {
        long started = System.nanoTime();
        load.closedLoop(settings.warmup(), settings.saturationConnections());
        int quietRounds = 0;
        while (quietRounds < 2 && System.nanoTime() - started < settings.warmupMax().toNanos()) {
            long compiler = server.compilerCpu().toNanos();
            long roundStart = System.nanoTime();
            WebhookLoad.Tally round = load.closedLoop(ROUND, settings.saturationConnections());
            double compilerCores = (server.compilerCpu().toNanos() - compiler) / (double) (System.nanoTime() - roundStart);
            say(target, String.format("warm-up: %.0f msg/s, JIT compiler %.2f cores", round.throughput(), compilerCores));
            quietRounds = compilerCores < 0.05 ? quietRounds + 1 : 0;
        }
        WarmUp warmUp = new WarmUp((System.nanoTime() - started) / 1e9, quietRounds >= 2);
        say(target, String.format("warmed up in %.0f s%s", warmUp.seconds(),
                warmUp.settled() ? "" : " (JIT not idle: still busy, or bench.warmupMax left no time to check)"));
        return warmUp;
    }

    /** Refuses to measure a server that does not answer, or that answers forged requests. */
    static void sanityCheck(String target, WebhookLoad load) throws IOException {
        try (HttpConnection connection = load.connection()) {
            BenchAccount.Message message = new BenchAccount(1).next();
            HttpConnection.Response answer = connection.post(BenchAccount.path() + "?" + message.query(), message.body());
            if (answer.status() != 200 || !message.answeredBy(answer.body())) {
                throw new IllegalStateException(target + " did not answer a message: " + answer);
            }
            HttpConnection.Response forged = connection.post(BenchAccount.path() + "?" + message.query()
                    .replaceFirst("signature=[0-9a-f]+", "signature=" + "0".repeat(40)), message.body());
            if (forged.status() == 200) {
                throw new IllegalStateException(target + " accepted a forged signature: " + forged);
            }
        }
    }

    static List<String> appArgs(BenchSettings settings, String id, Path dataDir, ExternalBackend backend) {
        List<String> args = new ArrayList<>(List.of(
                "--platform.data-dir=" + dataDir,
                "--platform.channel-config-dir=" + Path.of("channel-config").toAbsolutePath(),
                "--platform.redis-key-prefix=" + id + ":",
                // the benchmark posts plaintext (BenchAccount): the default account, safe by default, takes it in compatible mode
                "--WECHAT_MODE=compatible"));
        if (backend != null) {
            args.addAll(backend.applicationArgs());
        }
        args.addAll(settings.appArgs());
        return args;
    }

    /** The application's own classes and its runtime dependencies (no test jars), as it is deployed. */
    static String applicationClasspath() throws IOException {
        Path dependencies = Path.of("target", "bench", "runtime-classpath.txt");
        if (!Files.exists(dependencies)) {
            throw new IllegalStateException(dependencies + " is missing: run the benchmark with ./mvnw -Pbench verify");
        }
        return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(dependencies).trim();
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void say(String target, String what) {
        System.out.printf("[%tT] %s: %s%n", System.currentTimeMillis(), target, what);
    }

    /** How long the warm-up took, and whether the JIT compiler was idle at its end. */
    record WarmUp(double seconds, boolean settled) {
    }

    /** The two measured phases of one server. */
    record Measurement(String target, WarmUp warmUp, WebhookLoad.Tally open, CpuMeter.Usage openCpu,
                       WebhookLoad.Tally saturated, CpuMeter.Usage saturatedCpu) {
    }
}
