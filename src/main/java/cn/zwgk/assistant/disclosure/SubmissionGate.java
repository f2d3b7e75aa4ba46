package cn.zwgk.assistant.disclosure;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * A bulkhead for storing new cases: at most {@code disclosure.max-concurrent-submissions} at once
 * per instance. A burst of confirmations then waits here, holding no database connection, instead
 * of taking the whole connection pool from the other conversation workers (and from each other:
 * a thread that cannot get a connection within Hikari's timeout fails). A submission that waits
 * longer than {@link #WAIT} fails; the draft is kept and the applicant can confirm again.
 */
@Component
class SubmissionGate {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final Semaphore permits;

    SubmissionGate(DisclosureProperties properties) {
        this.permits = new Semaphore(Math.max(1, properties.maxConcurrentSubmissions()), true);
    }

    <T> T run(Supplier<T> submission) {
        try {
            if (!permits.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Too many submissions at once; waited " + WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to submit", e);
        }
        try {
            return submission.get();
        } finally {
            permits.release();
        }
    }
}
