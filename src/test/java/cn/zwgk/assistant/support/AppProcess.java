package cn.zwgk.assistant.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import cn.zwgk.assistant.Application;

/**
 * Another instance of the application in its own JVM, as in production: Quartz and other
 * libraries keep JVM-wide registries, so instances that share a database must not share a JVM.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final ProcessTree tree;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.tree = ProcessTree.of(process);
        this.port = port;
        this.log = log;
    }

    public static AppProcess start(Map<String, String> properties) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("zwgk-instance-", ".log");
        List<String> command = java("512m");
        command.add(Application.class.getName());
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        command.add("--server.port=" + port);
        Process process = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, port, log);
        try {
            app.awaitHealthy(Duration.ofSeconds(180));
        } catch (IOException | InterruptedException | RuntimeException e) {
            app.kill();
            throw e;
        }
        return app;
    }

    /**
     * {@code java} with this test JVM's class path, for an application process of a test: the client
     * compiler only and the serial collector, because such a process lives seconds to a minute and
     * spends them starting. That halves the CPU its start takes, which the other test JVM running
     * at the same time needs.
     */
    public static List<String> java(String maxHeap) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path")));
    }

    public int port() {
        return port;
    }

    /** What the instance has logged so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * Kills the JVM at once, as {@code kill -9} would, and then what it had started (its in-process
     * Redis, on the embedded backend), which a killed JVM cannot stop itself.
     */
    public void kill() {
        tree.kill();
    }

    /** Stops the JVM ({@code SIGTERM}, up to 20 s), else kills it; nothing it started is left running. */
    @Override
    public void close() {
        tree.stop(Duration.ofSeconds(20));
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("instance exited; log:\n" + Files.readString(log));
                }
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (IOException e) {
                    return false; // not listening yet
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("instance not healthy in " + timeout + "; log:\n" + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
