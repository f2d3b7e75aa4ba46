package cn.zwgk.assistant.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Delivers the side effects still owed between modules. Every {@code @ApplicationModuleListener} an event
 * reaches has a row in {@code event_publication}, written in the publishing transaction and deleted when
 * the listener's own transaction has committed. A listener that threw leaves its row marked failed; one
 * whose instance died leaves it published or processing, and the staleness check
 * ({@code spring.modulith.events.staleness.*}, 5 minutes) marks it failed. Failed rows are resubmitted
 * here once at start and then every {@link PlatformProperties#eventRetryInterval()}; resubmitting claims
 * a row first, so two instances never run the same one. The listeners are idempotent, so a listener
 * that died after its work committed but before its row was deleted does no harm when it runs again.
 */
@Component
class EventRetry {

    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

    private final FailedEventPublications failed;
    private final ObjectProvider<TaskScheduler> scheduler;
    private final Duration interval;

    EventRetry(FailedEventPublications failed, ObjectProvider<TaskScheduler> scheduler, PlatformProperties properties) {
        this.failed = failed;
        this.scheduler = scheduler;
        this.interval = properties.eventRetryInterval();
    }

    /** In the server only: the kb command line schedules nothing, and leaves what it owes to the server. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.ifAvailable(tasks -> {
            resubmit();
            tasks.scheduleWithFixedDelay(this::resubmit, interval);
        });
    }

    void resubmit() {
        try {
            failed.resubmit(ResubmissionOptions.defaults());
        } catch (RuntimeException e) {
            log.warn("Resubmitting failed event publications did not complete: {}", e.getMessage());
        }
    }
}
