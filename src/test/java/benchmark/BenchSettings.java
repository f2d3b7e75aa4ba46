package benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What the benchmark does, from system properties ({@code -Dbench.…}); a blank value means the default.
 *
 * @param targets               which endpoints to measure, in order: {@code bare}, {@code app}
 * @param backend               {@code embedded} (H2 and in-process Redis, a temporary DATA_DIR) or
 *                              {@code external} (PostgreSQL and Redis, see {@code bench.pg.url}, {@code bench.redis.url})
 * @param rate                  messages a second of the open-loop phase
 * @param duration              length of the open-loop phase
 * @param openConnections       most connections the open-loop phase opens
 * @param warmup                shortest closed-loop warm-up before anything is measured
 * @param warmupMax             longest warm-up (it ends earlier once the server's JIT compiler is idle)
 * @param saturation            length of the measured closed-loop phase
 * @param saturationConnections connections of the closed-loop phases
 * @param users                 distinct openids the messages come from
 * @param jvmArgs               JVM options of both servers
 * @param appArgs               extra arguments of the application ({@code --name=value}, space-separated)
 * @param out                   where logs and {@code results.md} go
 */
record BenchSettings(List<String> targets, String backend, double rate, Duration duration, int openConnections,
                     Duration warmup, Duration warmupMax, Duration saturation, int saturationConnections, int users,
                     List<String> jvmArgs, List<String> appArgs, Path out, String pgUrl, String pgUser, String redisUrl) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                List.of(get("bench.targets", "bare,app").split("\\s*,\\s*")),
                get("bench.backend", "embedded"),
                Double.parseDouble(get("bench.rate", "200")),
                Duration.ofSeconds(Long.parseLong(get("bench.duration", "30"))),
                Integer.parseInt(get("bench.openConnections", "64")),
                Duration.ofSeconds(Long.parseLong(get("bench.warmup", "30"))),
                Duration.ofSeconds(Long.parseLong(get("bench.warmupMax", "120"))),
                Duration.ofSeconds(Long.parseLong(get("bench.saturation", "30"))),
                Integer.parseInt(get("bench.connections", "32")),
                Integer.parseInt(get("bench.users", "5000")),
                Arrays.stream(get("bench.jvmArgs", "-Xms512m -Xmx512m").split("\\s+")).toList(),
                Arrays.stream(get("bench.appArgs", "").split("\\s+")).filter(a -> !a.isEmpty()).toList(),
                Path.of(get("bench.out", "target/bench")).toAbsolutePath(),
                get("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                get("bench.pg.user", "postgres"),
                get("bench.redis.url", "redis://127.0.0.1:6379"));
    }

    boolean external() {
        return "external".equalsIgnoreCase(backend);
    }

    String describe() {
        return String.format("backend=%s, open loop %.0f msg/s for %d s (≤ %d connections), saturation %d connections "
                        + "for %d s, warm-up %d–%d s, %d users, server JVM %s%s",
                backend, rate, duration.toSeconds(), openConnections, saturationConnections, saturation.toSeconds(),
                warmup.toSeconds(), warmupMax.toSeconds(), users, String.join(" ", jvmArgs),
                appArgs.isEmpty() ? "" : ", application " + String.join(" ", appArgs));
    }

    private static String get(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
