package cn.zwgk.assistant.reminder;

import java.time.LocalDate;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.calendar.WorkingDayCalendar;
import cn.zwgk.assistant.knowledge.PolicyDocumentImported;

/**
 * Deadlines that are not disclosure cases: proactive disclosure (registered by staff) and a policy's
 * interpretation (registered by hand, or started by importing a policy marked "needs interpretation").
 * Each becomes reminders on working days before the due day, then overdue escalations to supervisors.
 */
@Component
class StaffDeadlines {

    static final int INTERPRETATION_DAYS = 3;
    static final String INTERPRETATION_PREFIX = "政策解读：";

    private final ReminderService reminders;
    private final ReminderPlanner planner;
    private final WorkingDayCalendar calendar;

    StaffDeadlines(ReminderService reminders, ReminderPlanner planner, WorkingDayCalendar calendar) {
        this.reminders = reminders;
        this.planner = planner;
        this.calendar = calendar;
    }

    /** Replaces the subject's reminders with the plan for a deadline {@code days} working days after {@code from}. */
    List<Reminder> plan(ReminderKind kind, String subject, LocalDate from, int days, List<String> recipients) {
        LocalDate due = calendar.addWorkingDays(from, days).date();
        List<Long> ids = reminders.replaceForSubject(subject, List.of(kind, ReminderKind.DISCLOSURE_OVERDUE),
                planner.deadline(kind, subject, due, recipients, DisclosureReminders.SUPERVISORS));
        return ids.stream().map(id -> reminders.get(id).orElseThrow()).toList();
    }

    /**
     * After the import has committed, in a transaction of its own; the event publication registry keeps
     * the event until this has run, so a crash in between loses no deadline. Planning replaces the
     * subject's reminders, so running twice leaves one plan.
     */
    @ApplicationModuleListener
    void onPolicyImported(PolicyDocumentImported policy) {
        List<String> recipients = policy.department() == null ? DisclosureReminders.HANDLERS
                : List.of("dept:" + policy.department());
        String title = policy.title().length() > 80 ? policy.title().substring(0, 80) : policy.title();
        plan(ReminderKind.INTERPRETATION_DUE, INTERPRETATION_PREFIX + title, policy.publishedOn(), INTERPRETATION_DAYS,
                recipients);
    }
}
