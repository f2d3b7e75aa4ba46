package benchmark;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** {@link ReminderBench}'s figures as Markdown, with the fire-delay target next to its p99. */
final class ReminderReport {

    static final double P99_TARGET_SECONDS = 2;

    private ReminderReport() {
    }

    static String markdown(BenchSettings settings, Properties seed, double fresh, double empty, double loaded,
                           double[] http, ReminderFigures f, String loadStart, String loadEnd) {
        int count = Integer.parseInt(seed.getProperty("count"));
        double seconds = Double.parseDouble(seed.getProperty("seconds"));
        StringBuilder md = new StringBuilder();
        md.append("Reminders run of ").append(LocalDateTime.now().toString(), 0, 16).append(" — ").append(Report.machine())
                .append("\n\nBackend ").append(settings.backend()).append(", server JVM ").append(String.join(" ", settings.jvmArgs()))
                .append(settings.appArgs().isEmpty() ? "" : ", application " + String.join(" ", settings.appArgs()))
                .append(". Load average ").append(loadStart).append(" at the start, ").append(loadEnd).append(" at the end. ")
                .append(seed.getProperty("analyze", "")).append(".\n\n");
        md.append("| figure | value |\n|---|---:|\n")
                .append(count == 0 ? "| scheduling | none: the pending reminders of an earlier run (bench.reuse) |\n"
                        : String.format("| scheduling %d reminders (`ReminderService.createCustom`, %s threads) | %.0f s = **%.0f reminders/s** (%s failed) |%n",
                        count, seed.getProperty("threads"), seconds, count / seconds, seed.getProperty("failed")))
                .append(String.format("| scheduling the %s due ones (1 thread) | %.1f s |%n", seed.getProperty("due"),
                        Double.parseDouble(seed.getProperty("dueSeconds"))))
                .append(String.format("| start-up, fresh database (Flyway creates the schema) | %.1f s |%n", fresh))
                .append(String.format("| start-up, migrated database, no reminders | %.1f s |%n", empty))
                .append(String.format("| start-up with %d pending reminders | **%.1f s** |%n", f.pending(), loaded))
                .append(String.format("| … of which starting the Quartz scheduler (log: \"Starting Quartz Scheduler now\" → \"started\") | %.0f ms |%n", http[2]))
                .append(String.format("| `POST /api/reminders` over HTTP with %d pending (median of 20, HTTP Basic included) | %.0f ms |%n", f.pending(), http[0]))
                .append(String.format("| `GET /api/reminders?subject=…` with %d pending (median of 20) | %.0f ms |%n", f.pending(), http[1]))
                .append(String.format("| Quartz triggers in the store at the end | %d |%n", f.triggers()))
                .append("| Flyway | ").append(seed.getProperty("flyway", "").isEmpty() ? "nothing to apply" : seed.getProperty("flyway")).append(" |\n");
        md.append(String.format("%n**Fire delay** of %d reminders due over %s s (%s – %s) while the others stay pending, "
                        + "from the trigger's fire time (seconds):%n%n", f.due(), seed.getProperty("windowEnd") == null ? "?"
                        : Long.toString(java.time.Duration.between(java.time.Instant.parse(seed.getProperty("windowStart")),
                        java.time.Instant.parse(seed.getProperty("windowEnd"))).toSeconds()),
                        seed.getProperty("windowStart"), seed.getProperty("windowEnd")))
                .append("| until | reached | p50 | p90 | p99 | max | target p99 | met |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        row(md, "the job marked it fired (`reminder.fired_at`)", f, f.firedDelays(), false);
        row(md, "its message entered the outbox (`outbox_message.created_at`)", f, f.enqueuedDelays(), true);
        row(md, "the WeChat API stand-in accepted it (`sent_at`)", f, f.sentDelays(), false);
        md.append("\n**Database size** after the run\n\n| table | size |\n|---|---:|\n");
        for (Map.Entry<String, Long> e : f.sizes().entrySet()) {
            if (e.getValue() >= 64 * 1024) {
                md.append(String.format("| %s | %.1f MB |%n", e.getKey(), e.getValue() / 1048576.0));
            }
        }
        md.append(String.format("| **total** | **%.1f MB** (%.2f KB per pending reminder) |%n",
                f.total() / 1048576.0, f.total() / 1024.0 / Math.max(1, f.pending())));
        return md.toString();
    }

    private static void row(StringBuilder md, String until, ReminderFigures f, List<Double> delays, boolean target) {
        double p99 = f.percentile(delays, 99);
        md.append(String.format("| %s | %d of %d | %.2f | %.2f | %s | %.2f | %s | %s |%n", until, delays.size(), f.due(),
                f.percentile(delays, 50), f.percentile(delays, 90), target ? "**" + fmt(p99) + "**" : fmt(p99),
                delays.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                target ? "≤ " + fmt(P99_TARGET_SECONDS) : "", target ? (p99 <= P99_TARGET_SECONDS ? "yes" : "**no**") : ""));
    }

    private static String fmt(double seconds) {
        return String.format("%.2f", seconds);
    }
}
