package benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak ({@code -Dbench.mode=soak}): the application alone, {@link SoakTraffic}'s mixed traffic
 * in an open loop at {@code bench.rate} for {@code bench.duration}, measured minute by minute:
 * errors, acknowledgement latency (target p99 ≤ 100 ms), and the heap after a full GC at the start
 * and at the end (memory growth). Report in {@code target/bench/soak.md}.
 */
final class SoakRunner {

    static final double P99_TARGET_MILLIS = 100;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private SoakRunner() {
    }

    static void run(BenchSettings settings) throws Exception {
        String id = "soak" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ExternalBackend backend = settings.external() ? new ExternalBackend(settings, id) : null;
        Path dataDir = Files.createTempDirectory("zwgk-soak-");
        System.out.println("Soak: " + settings.describe());
        try (ServerProcess server = ServerProcess.start("app", settings.jvmArgs(), BenchmarkRunner.applicationClasspath(),
                "cn.zwgk.assistant.Application", BenchmarkRunner.appArgs(settings, id, dataDir, backend), settings.out())) {
            server.awaitReady(Duration.ofMinutes(3));
            WebhookLoad greetings = new WebhookLoad("127.0.0.1", server.port, new BenchAccount(settings.users()), 15_000);
            BenchmarkRunner.sanityCheck("app", greetings);
            say("warm-up: closed loop " + settings.warmup().toSeconds() + " s, then 30 s of mixed traffic");
            greetings.closedLoop(settings.warmup(), settings.saturationConnections());
            boolean staggered = !"synchronized".equals(System.getProperty("bench.dialogs", "staggered"));
            SoakTraffic traffic = new SoakTraffic(settings.users(), staggered);
            WebhookLoad mixed = new WebhookLoad("127.0.0.1", server.port, traffic, 15_000);
            mixed.openLoop(settings.rate(), Duration.ofSeconds(30), settings.openConnections());

            long heapStart = heapAfterGc(server.pid());
            String loadStart = loadAverage();
            LocalDateTime started = LocalDateTime.now();
            CpuMeter cpu = new CpuMeter(server);
            CpuMeter.Sample before = cpu.sample();
            List<WebhookLoad.Tally> minutes = new ArrayList<>();
            long slices = Math.max(1, settings.duration().toSeconds() / 60);
            for (int i = 0; i < slices; i++) {
                WebhookLoad.Tally t = mixed.openLoop(settings.rate(), Duration.ofSeconds(60), settings.openConnections());
                minutes.add(t);
                say(String.format("minute %d: %d sent, %d errors %s, p99 %.1f ms, max %.1f ms", i + 1, t.count(),
                        t.errors(), t.failures, t.millis(99), t.maxMillis()));
            }
            CpuMeter.Usage usage = before.to(cpu.sample());
            String loadEnd = loadAverage();
            long heapEnd = heapAfterGc(server.pid());
            String cases = backend == null ? "not counted (embedded)"
                    : Long.toString(backend.count("select count(*) from disclosure_case"));
            String report = report(settings, started, minutes, usage, heapStart, heapEnd, loadStart, loadEnd)
                    + String.format("%nDialogs %s; \"确认\" sent %d (warm-up included), cases stored %s.%n",
                    staggered ? "staggered" : "synchronized", traffic.confirmations(), cases);
            Files.writeString(settings.out().resolve("soak.md"), report);
            System.out.println();
            System.out.println(report);
        } finally {
            if (backend != null) {
                backend.clean();
            }
            BenchmarkRunner.deleteRecursively(dataDir);
        }
    }

    private static String report(BenchSettings settings, LocalDateTime started, List<WebhookLoad.Tally> minutes,
                                 CpuMeter.Usage usage, long heapStart, long heapEnd, String loadStart, String loadEnd) {
        WebhookLoad.Tally all = new WebhookLoad.Tally();
        minutes.forEach(all::add);
        StringBuilder md = new StringBuilder();
        md.append("Soak run of ").append(started.toString().substring(0, 16)).append(" — ").append(Report.machine())
                .append("\n\nSettings: ").append(settings.describe()).append(".\n\n")
                .append("| minute | sent | errors | p50 ms | p99 ms | max ms |\n|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < minutes.size(); i++) {
            WebhookLoad.Tally t = minutes.get(i);
            md.append(String.format("| %d | %d | %d | %.2f | %.2f | %.1f |%n", i + 1, t.count(), t.errors(),
                    t.millis(50), t.millis(99), t.maxMillis()));
        }
        md.append(String.format("| **all** | %d | %d %s | %.2f | **%.2f** | %.1f |%n%n", all.count(), all.errors(),
                all.failures.isEmpty() ? "" : all.failures.toString(), all.millis(50), all.millis(99), all.maxMillis()));
        md.append(String.format("Heap after a full GC: %.1f MB at the start, %.1f MB at the end (%+.1f MB). "
                        + "Server CPU %.2f cores (%.0f µs/msg), other load %.2f cores; load average %s at the start, %s at the end.%n%n",
                heapStart / 1024.0, heapEnd / 1024.0, (heapEnd - heapStart) / 1024.0, usage.serverCores(),
                usage.serverMicrosPer(all.count()), usage.otherCores(), loadStart, loadEnd));
        md.append("| target | figure | met |\n|---|---|---|\n")
                .append(String.format("| no errors | %d of %d | %s |%n", all.errors(), all.count(), all.errors() == 0 ? "yes" : "**no**"))
                .append(String.format("| p99 acknowledgement ≤ %.0f ms | %.2f ms | %s |%n", P99_TARGET_MILLIS, all.millis(99),
                        all.millis(99) <= P99_TARGET_MILLIS ? "yes" : "**no**"))
                .append(String.format("| no memory growth | %+.1f MB after GC | %s |%n", (heapEnd - heapStart) / 1024.0,
                        heapEnd - heapStart < heapStart / 10 ? "yes" : "**check**"));
        return md.toString();
    }

    /** Used heap in KiB after {@code jcmd GC.run}, from {@code jcmd GC.heap_info}. */
    static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("no heap figure from jcmd GC.heap_info");
        }
        return Long.parseLong(m.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void say(String what) {
        System.out.printf("[%tT] soak: %s%n", System.currentTimeMillis(), what);
    }
}
