package benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

/**
 * A server under test in its own JVM, started as a child process with its output in a log file;
 * {@link #close()} stops it the way a deployment would (SIGTERM, graceful shutdown).
 */
final class ServerProcess implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java <jvmArgs> -cp <classpath> <mainClass> --server.port=<free port> <args>}. */
    static ServerProcess start(String name, List<String> jvmArgs, String classpath, String mainClass,
                               List<String> args, Path outDir) throws IOException {
        int port = freePort();
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.add("--server.port=" + port);
        command.add("--management.server.port=0");
        command.addAll(args);
        Path log = outDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(name, port, process, log);
        Runtime.getRuntime().addShutdownHook(new Thread(server::kill));
        return server;
    }

    /** Waits until the webhook answers WeChat's URL check (a signed GET echoing {@code echostr}). */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                }
                return answersUrlCheck();
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " did not become ready in " + timeout + "; see " + log);
        }
    }

    private boolean answersUrlCheck() {
        try (HttpConnection connection = new HttpConnection("127.0.0.1", port, 2000)) {
            String query = BenchAccount.signedQuery(System.currentTimeMillis() / 1000, "oReady") + "&echostr=ready";
            HttpConnection.Response response = connection.get(BenchAccount.path() + "?" + query);
            return response.status() == 200 && response.body().equals("ready");
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /** Waits for the process to end by itself; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not finish in " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** The server's log so far. */
    List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    /** CPU time used so far by the server JVM. */
    Duration cpu() {
        return cpuOf(process.toHandle());
    }

    /** CPU time used so far by the server's child processes (the in-process Redis server). */
    Duration childCpu() {
        Duration total = Duration.ZERO;
        for (ProcessHandle child : process.descendants().toList()) {
            total = total.plus(cpuOf(child));
        }
        return total;
    }

    /**
     * CPU time used so far by the server's JIT compiler threads (Linux: {@code /proc/<pid>/task}); zero
     * where that cannot be read.
     */
    long pid() {
        return process.pid();
    }

    Duration compilerCpu() {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ticks * 10); // USER_HZ = 100
    }

    static Duration cpuOf(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
