package benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import benchmark.BenchmarkRunner.Measurement;

/** The benchmark's figures as Markdown, with the targets of the webhook next to them. */
final class Report {

    static final double THROUGHPUT_TARGET = 0.70;
    static final double P99_TARGET_MILLIS = 50;

    private Report() {
    }

    static String markdown(BenchSettings settings, List<Measurement> measurements) {
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16))
                .append(" — ").append(machine()).append("\n\n")
                .append("Settings: ").append(settings.describe()).append(".\n\n");
        md.append(String.format("**%.0f msg/s, open loop** (latency from each message's scheduled send time)%n%n", settings.rate()))
                .append("| endpoint | sent | achieved msg/s | p50 ms | p90 ms | p99 ms | max ms | errors "
                        + "| server CPU µs/msg | server cores | generator cores | other load cores |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : measurements) {
            WebhookLoad.Tally t = m.open();
            md.append(String.format("| %s | %d | %.1f | %.2f | %.2f | %.2f | %.1f | %d | %.0f | %s | %.2f | %.2f |%n",
                    m.target(), t.count(), t.throughput(), t.millis(50), t.millis(90), t.millis(99), t.maxMillis(),
                    t.errors(), m.openCpu().serverMicrosPer(t.count()), cores(m.openCpu()),
                    m.openCpu().generatorCores(), m.openCpu().otherCores()));
        }
        md.append(String.format("%n**Saturation, closed loop, %d connections, %d s**%n%n",
                        settings.saturationConnections(), settings.saturation().toSeconds()))
                .append("| endpoint | answered | throughput msg/s | p50 ms | p99 ms | max ms | errors "
                        + "| server CPU µs/msg | server cores | generator cores | other load cores |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : measurements) {
            WebhookLoad.Tally t = m.saturated();
            md.append(String.format("| %s | %d | %.0f | %.2f | %.2f | %.1f | %d | %.0f | %s | %.2f | %.2f |%n",
                    m.target(), t.ok, t.throughput(), t.millis(50), t.millis(99), t.maxMillis(), t.errors(),
                    m.saturatedCpu().serverMicrosPer(t.count()), cores(m.saturatedCpu()),
                    m.saturatedCpu().generatorCores(), m.saturatedCpu().otherCores()));
        }
        for (Measurement m : measurements) {
            if (m.open().errors() + m.saturated().errors() > 0) {
                md.append("\nErrors of ").append(m.target()).append(": open loop ").append(m.open().failures)
                        .append(", saturation ").append(m.saturated().failures).append('\n');
            }
        }
        md.append("\nWarm-up:");
        for (Measurement m : measurements) {
            md.append(String.format(" %s %.0f s%s;", m.target(), m.warmUp().seconds(),
                    m.warmUp().settled() ? "" : " (**JIT compiler not seen idle**)"));
        }
        md.setCharAt(md.length() - 1, '.');
        md.append('\n');
        targets(measurements).ifPresent(md::append);
        return md.toString();
    }

    private static String cores(CpuMeter.Usage usage) {
        return usage.childCores() < 0.005 ? String.format("%.2f", usage.serverCores())
                : String.format("%.2f (Redis %.2f)", usage.serverCores(), usage.childCores());
    }

    private static Optional<String> targets(List<Measurement> measurements) {
        Optional<Measurement> bare = measurements.stream().filter(m -> m.target().equals("bare")).findFirst();
        Optional<Measurement> app = measurements.stream().filter(m -> m.target().equals("app")).findFirst();
        if (bare.isEmpty() || app.isEmpty()) {
            return Optional.empty();
        }
        double ratio = app.get().saturated().throughput() / bare.get().saturated().throughput();
        double p99 = app.get().open().millis(99);
        return Optional.of("\n**Targets**\n\n| target | figure | met |\n|---|---|---|\n"
                + String.format("| app throughput ≥ %.0f %% of bare at saturation | %.0f / %.0f msg/s = %.0f %% | %s |%n",
                THROUGHPUT_TARGET * 100, app.get().saturated().throughput(), bare.get().saturated().throughput(),
                ratio * 100, ratio >= THROUGHPUT_TARGET ? "yes" : "**no**")
                + String.format("| app p99 ≤ %.0f ms at the open-loop rate | p99 = %.2f ms (errors %d) | %s |%n",
                P99_TARGET_MILLIS, p99, app.get().open().errors(),
                p99 <= P99_TARGET_MILLIS && app.get().open().errors() == 0 ? "yes" : "**no**"));
    }

    static String machine() {
        String cpu = firstLine("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String memory = firstLine("/proc/meminfo", "MemTotal").map(l -> l.replaceAll("\\D+", ""))
                .map(kb -> String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0)).orElse("?");
        return String.format("%d CPUs (%s), %s RAM, JDK %s (%s)", Runtime.getRuntime().availableProcessors(), cpu,
                memory, System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"));
    }

    private static Optional<String> firstLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
