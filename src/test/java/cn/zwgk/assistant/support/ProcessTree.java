package cn.zwgk.assistant.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A process a test started, together with every process that one started in turn (the in-process
 * Redis of an application JVM, say), so that none of them outlives the test: a JVM killed with
 * {@code kill -9} runs no shutdown hook, and its children would be left running.
 */
public final class ProcessTree implements AutoCloseable {

    private static final Duration GONE_WITHIN = Duration.ofSeconds(20);

    private final ProcessHandle root;
    private final Thread onJvmExit;

    private ProcessTree(ProcessHandle root) {
        this.root = root;
        this.onJvmExit = new Thread(this::kill, "kill-" + root.pid());
    }

    /** Watches {@code process}: if this JVM exits while it still runs, the whole tree is killed. */
    public static ProcessTree of(Process process) {
        ProcessTree tree = new ProcessTree(process.toHandle());
        Runtime.getRuntime().addShutdownHook(tree.onJvmExit);
        return tree;
    }

    /** {@code kill -9} of the process, then of every process it had started; waits until all are gone. */
    public void kill() {
        // taken first: once the root is dead its children no longer count as its descendants
        List<ProcessHandle> all = Stream.concat(Stream.of(root), root.descendants()).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(ProcessTree::awaitGone);
        forget();
    }

    /**
     * Asks the process to stop ({@code SIGTERM}, so that its shutdown hooks run) and waits up to
     * {@code timeout}; kills it if it is still running then. Anything it started and left behind
     * is killed as well.
     */
    public void stop(Duration timeout) {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroy();
        try {
            root.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        descendants.forEach(ProcessTree::awaitGone);
        forget();
    }

    /** {@link #stop} with a 20 s grace period; nothing if the process has ended already. */
    @Override
    public void close() {
        stop(GONE_WITHIN);
    }

    private void forget() {
        if (Thread.currentThread() != onJvmExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(onJvmExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs (or ran) anyway
            }
        }
    }

    private static void awaitGone(ProcessHandle process) {
        try {
            process.onExit().get(GONE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("process " + process.pid() + " still running after kill -9", e);
        }
    }
}
