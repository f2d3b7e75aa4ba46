package cn.zwgk.assistant.reminder;

import java.time.Instant;
import java.util.Date;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/**
 * The one place that talks to Quartz. Each reminder is a job with one trigger; a trigger missed
 * while the application was down fires once at start-up ("fire now" misfire policy), and a job
 * interrupted by a crash is re-run by whichever instance recovers it.
 *
 * <p>Scheduling inserts without Quartz's cluster-wide {@code TRIGGER_ACCESS} row lock
 * ({@code org.quartz.jobStore.lockOnInsert: false}, and no "replace": every reminder id is new).
 * With the lock, each transaction that scheduled a reminder held it until commit, so all
 * disclosure submissions of all instances ran one at a time. Deleting a job still takes the lock.
 */
@Component
class ReminderScheduler {

    private static final String GROUP = "reminders";

    private final Scheduler scheduler;

    ReminderScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(long reminderId, Instant at) {
        JobDetail job = JobBuilder.newJob(ReminderJob.class)
                .withIdentity(name(reminderId), GROUP)
                .usingJobData(ReminderJob.REMINDER_ID, reminderId)
                .requestRecovery(true)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(name(reminderId), GROUP)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger), false);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule reminder " + reminderId, e);
        }
    }

    void unschedule(long reminderId) {
        try {
            scheduler.deleteJob(JobKey.jobKey(name(reminderId), GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not unschedule reminder " + reminderId, e);
        }
    }

    Instant nextFireTime(long reminderId) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(name(reminderId), GROUP));
            Date next = trigger == null ? null : trigger.getNextFireTime();
            return next == null ? null : next.toInstant();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(long reminderId) {
        return "reminder-" + reminderId;
    }
}
