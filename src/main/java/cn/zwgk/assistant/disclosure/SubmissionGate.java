package cn.zwgk.assistant.disclosure;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A bulkhead for storing new cases: at most {@code disclosure.max-concurrent-submissions} at once
 * per instance. Storing a case (its row, the Quartz triggers of its reminders, the notices) is the
 * slowest thing a conversation does; without a limit, a burst of confirmations takes every
 * conversation worker and every database connection, and greetings and questions queue behind it.
 *
 * <p>A citizen's confirmation waits at most {@code disclosure.submission-wait} for a slot, then
 * fails with {@link SubmissionsBusyException}: the dialog answers "busy, send 确认 again" at once,
 * keeping the draft, and the worker is free for the next message. Staff registrations (API,
 * console) wait up to {@link #STAFF_WAIT}.
 */
@Component
class SubmissionGate {

    static final Duration STAFF_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SubmissionGate.class);

    private final AtomicLong refused = new AtomicLong();
    private final Semaphore permits;
    private final Duration citizenWait;

    SubmissionGate(DisclosureProperties properties) {
        this.permits = new Semaphore(Math.max(1, properties.maxConcurrentSubmissions()), true);
        this.citizenWait = properties.submissionWait();
    }

    /** A confirmation in the conversation: a short wait, then {@link SubmissionsBusyException}. */
    <T> T forCitizen(Supplier<T> submission) {
        return run(citizenWait, submission);
    }

    /** A registration by staff, who are not on WeChat's 5-second clock. */
    <T> T forStaff(Supplier<T> submission) {
        return run(STAFF_WAIT, submission);
    }

    private <T> T run(Duration wait, Supplier<T> submission) {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                long n = refused.incrementAndGet();
                if (n == 1 || n % 50 == 0) {
                    log.warn("Every submission slot stayed taken for {} ms: submission answered busy ({} so far)",
                            wait.toMillis(), n);
                }
                throw new SubmissionsBusyException(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmissionsBusyException(wait);
        }
        try {
            return submission.get();
        } finally {
            permits.release();
        }
    }
}
