package cn.zwgk.assistant.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local PostgreSQL cluster that the external backend runs on, stopped and started by a test
 * with {@code pg_ctlcluster}: {@code @RegisterExtension static final PostgresCluster cluster = new PostgresCluster();}.
 * It needs the cluster's version and name, {@code -Dit.pgRestart="15 main"} (see {@code pg_lsclusters};
 * {@code .ci/run} passes it), else the test is skipped, or fails under {@code CI=true}
 * ({@link Required}). The test runs only in Failsafe's {@code postgres-restart} execution, in a JVM
 * of its own after every other test on that PostgreSQL. After each test, passed or failed, the
 * cluster is started again if it is down.
 */
public final class PostgresCluster implements BeforeEachCallback, AfterEachCallback {

    private static final String NAME_PATTERN = "\\d+ \\S+";

    private final String cluster = System.getProperty("it.pgRestart", "");

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(inItsExecution(), "stops PostgreSQL under every other test: runs only in Failsafe's postgres-restart execution");
        Required.assume(cluster.matches(NAME_PATTERN), "-Dit.pgRestart=\"<version> <cluster>\" (see pg_lsclusters) is not set, "
                + "so the local PostgreSQL cluster cannot be stopped and started");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException, InterruptedException {
        if (inItsExecution() && cluster.matches(NAME_PATTERN)) {
            startIfStopped();
        }
    }

    /** {@code pg_ctlcluster stop -m fast}. */
    public void stop() throws IOException, InterruptedException {
        run("stop", "-m", "fast");
    }

    /** Starts the cluster unless it is running ({@code pg_ctlcluster status}: 0 running, 3 stopped). */
    public void startIfStopped() throws IOException, InterruptedException {
        if (pgCtlcluster("status") != 0) {
            run("start");
        }
    }

    private static boolean inItsExecution() {
        return Boolean.getBoolean("test.postgresRestartRun");
    }

    private void run(String... action) throws IOException, InterruptedException {
        assertThat(pgCtlcluster(action)).as("pg_ctlcluster %s %s (output above)", cluster, String.join(" ", action)).isZero();
    }

    private int pgCtlcluster(String... action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster"));
        command.addAll(List.of(cluster.split(" ")));
        command.addAll(List.of(action));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int exit = p.waitFor();
        System.out.printf("%s: exit %d %s%n", String.join(" ", command), exit, out.strip());
        return exit;
    }
}
