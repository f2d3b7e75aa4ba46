package cn.zwgk.assistant.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A shell that starts a {@code sleep} in the background stands for a JVM with its in-process Redis. */
class ProcessTreeTest {

    private static Process shellWithChild(String script) throws IOException {
        Process shell = new ProcessBuilder("sh", "-c", script).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> shell.toHandle().descendants().findAny().isPresent());
        return shell;
    }

    @Test
    void killingOnlyTheParentLeavesItsChildRunningWhichIsWhatTheTreeIsFor() throws Exception {
        Process shell = shellWithChild("sleep 600 & wait");
        List<ProcessHandle> children = shell.toHandle().descendants().toList();
        shell.destroyForcibly().waitFor();
        try {
            assertThat(children).allMatch(ProcessHandle::isAlive);
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void killEndsTheProcessAndEverythingItStarted() throws Exception {
        Process shell = shellWithChild("sleep 600 & wait");
        List<ProcessHandle> children = shell.toHandle().descendants().toList();
        ProcessTree.of(shell).kill();
        assertThat(shell.isAlive()).isFalse();
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aProcessThatStopsOnSigtermButLeavesItsChildBehindHasTheChildKilled() throws Exception {
        Process shell = shellWithChild("sleep 600 & wait");
        List<ProcessHandle> children = shell.toHandle().descendants().toList();
        try (ProcessTree tree = ProcessTree.of(shell)) {
            tree.stop(Duration.ofSeconds(10));
        }
        assertThat(shell.exitValue()).as("ended by SIGTERM, not SIGKILL").isEqualTo(128 + 15);
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
        Process shell = shellWithChild("trap '' TERM; sleep 600 & wait");
        List<ProcessHandle> children = shell.toHandle().descendants().toList();
        long start = System.nanoTime();
        ProcessTree.of(shell).stop(Duration.ofMillis(500));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(shell.isAlive()).isFalse();
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }
}
