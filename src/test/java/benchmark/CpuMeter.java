package benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CPU went during one phase: the server under test (JVM and in-process Redis), the load
 * generator, and everything else on the machine (other builds on a shared machine, or the external
 * PostgreSQL and Redis). Machine-wide figures come from {@code /proc/stat} (Linux only; zero elsewhere).
 */
final class CpuMeter {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100

    private final ServerProcess server;

    CpuMeter(ServerProcess server) {
        this.server = server;
    }

    Sample sample() {
        return new Sample(System.nanoTime(), server.cpu().toNanos(), server.childCpu().toNanos(),
                ServerProcess.cpuOf(ProcessHandle.current()).toNanos(), machineBusyNanos());
    }

    /**
     * CPU use between two samples, in cores (CPU seconds per second). The server's figures include its
     * child processes, which are also given on their own.
     */
    record Usage(double seconds, double serverCores, double childCores, double generatorCores, double otherCores,
                 double serverCpuNanos) {

        double serverMicrosPer(long messages) {
            return messages == 0 ? 0 : serverCpuNanos / 1000.0 / messages;
        }
    }

    record Sample(long at, long server, long children, long generator, long machine) {

        Usage to(Sample end) {
            double seconds = (end.at - at) / 1e9;
            long childNanos = end.children - children;
            long serverNanos = end.server - server + childNanos;
            long generatorNanos = end.generator - generator;
            long other = Math.max(0, (end.machine - machine) - serverNanos - generatorNanos);
            return new Usage(seconds, serverNanos / 1e9 / seconds, childNanos / 1e9 / seconds, generatorNanos / 1e9 / seconds,
                    machine == 0 ? Double.NaN : other / 1e9 / seconds, serverNanos);
        }
    }

    /** user + nice + system + irq + softirq + steal, all CPUs. */
    static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                    + Long.parseLong(f[6]) + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
