package cn.zwgk.assistant.reminder;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Fires one reminder; all the work is in {@link ReminderService#fire(long)}. */
@DisallowConcurrentExecution
class ReminderJob extends QuartzJobBean {

    static final String REMINDER_ID = "reminderId";

    private final ReminderService reminders;

    ReminderJob(ReminderService reminders) {
        this.reminders = reminders;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        reminders.fire(context.getMergedJobDataMap().getLong(REMINDER_ID));
    }
}
