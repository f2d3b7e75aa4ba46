package cn.zwgk.assistant.reminder;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.calendar.WorkingDayCalendar;
import cn.zwgk.assistant.disclosure.CaseStatus;
import cn.zwgk.assistant.disclosure.DisclosureDeadlineChanged;
import cn.zwgk.assistant.disclosure.DisclosureStatusChanged;
import cn.zwgk.assistant.disclosure.DisclosureSubmitted;

/**
 * Keeps a disclosure case's reminders in step with its deadlines. The listeners run inside the
 * transaction that changed the case, so the case and its Quartz triggers change together.
 */
@Component
class DisclosureReminders {

    static final List<String> HANDLERS = List.of("role:HANDLER");
    static final List<String> SUPERVISORS = List.of("role:SUPERVISOR");
    private static final int CORRECTION_NOTICE_DAYS = 7;
    private static final Set<ReminderKind> REPLY_KINDS =
            EnumSet.of(ReminderKind.DISCLOSURE_DUE, ReminderKind.DISCLOSURE_OVERDUE, ReminderKind.EXTENSION_EXPIRY);

    private final ReminderService reminders;
    private final ReminderPlanner planner;
    private final WorkingDayCalendar calendar;

    DisclosureReminders(ReminderService reminders, ReminderPlanner planner, WorkingDayCalendar calendar) {
        this.reminders = reminders;
        this.planner = planner;
        this.calendar = calendar;
    }

    /*
     * The three disclosure listeners stay synchronous, in the publisher's transaction: the case and its
     * Quartz triggers (same database) commit together or not at all, and in order: a case submitted and
     * answered at once must not have its reminders planned after they were cancelled.
     */
    @EventListener
    void onSubmitted(DisclosureSubmitted submitted) {
        replyDeadline(submitted.trackingNo(), submitted.dueOn(), ReminderKind.DISCLOSURE_DUE);
        LocalDate noticeDue = calendar.addWorkingDays(submitted.receivedOn(), CORRECTION_NOTICE_DAYS).date();
        reminders.replaceForSubject(submitted.trackingNo(), EnumSet.of(ReminderKind.CORRECTION_NOTICE_DUE),
                planner.deadline(ReminderKind.CORRECTION_NOTICE_DUE, submitted.trackingNo(), noticeDue, HANDLERS, List.of())
                        .stream().filter(p -> p.kind() == ReminderKind.CORRECTION_NOTICE_DUE).toList());
    }

    @EventListener
    void onDeadlineChanged(DisclosureDeadlineChanged changed) {
        ReminderKind kind = "extend".equals(changed.action()) ? ReminderKind.EXTENSION_EXPIRY : ReminderKind.DISCLOSURE_DUE;
        replyDeadline(changed.trackingNo(), changed.dueOn(), kind);
    }

    @EventListener
    void onStatusChanged(DisclosureStatusChanged changed) {
        if (changed.to() == CaseStatus.REPLIED || changed.to().isFinal()) {
            reminders.cancelForSubject(changed.trackingNo());
            return;
        }
        if (changed.from() == CaseStatus.RECEIVED) {
            reminders.replaceForSubject(changed.trackingNo(), EnumSet.of(ReminderKind.CORRECTION_NOTICE_DUE), List.of());
        }
        if (changed.to() == CaseStatus.CORRECTION_REQUESTED) {
            // the reply clock stops until the corrected application arrives
            reminders.replaceForSubject(changed.trackingNo(), REPLY_KINDS, List.of());
        }
    }

    private void replyDeadline(String trackingNo, LocalDate dueOn, ReminderKind kind) {
        List<PlannedReminder> planned = dueOn == null ? List.of()
                : planner.deadline(kind, trackingNo, dueOn, HANDLERS, SUPERVISORS);
        reminders.replaceForSubject(trackingNo, REPLY_KINDS, planned);
    }
}
