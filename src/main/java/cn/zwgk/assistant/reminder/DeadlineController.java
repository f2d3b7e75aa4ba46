package cn.zwgk.assistant.reminder;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deadlines staff register by hand: proactive disclosure within 20 working days of the
 * information's creation (Art. 26), and a policy's interpretation within 3 working days of its
 * publication. Each becomes reminders on working days, escalating to supervisors when overdue.
 */
@RestController
@RequestMapping("/api/reminders")
class DeadlineController {

    private static final int PROACTIVE_DAYS = 20;

    private final StaffDeadlines deadlines;
    private final StaffRecipients recipients;

    DeadlineController(StaffDeadlines deadlines, StaffRecipients recipients) {
        this.deadlines = deadlines;
        this.recipients = recipients;
    }

    @PostMapping("/proactive-disclosure")
    @ResponseStatus(HttpStatus.CREATED)
    List<Reminder> proactive(@RequestBody DeadlineRequest request) {
        return plan(ReminderKind.PROACTIVE_DISCLOSURE_DUE, "主动公开：", request, PROACTIVE_DAYS);
    }

    @PostMapping("/interpretation")
    @ResponseStatus(HttpStatus.CREATED)
    List<Reminder> interpretation(@RequestBody DeadlineRequest request) {
        return plan(ReminderKind.INTERPRETATION_DUE, StaffDeadlines.INTERPRETATION_PREFIX, request, StaffDeadlines.INTERPRETATION_DAYS);
    }

    private List<Reminder> plan(ReminderKind kind, String prefix, DeadlineRequest request, int days) {
        if (request.title() == null || request.title().isBlank() || request.title().length() > 80) {
            throw new IllegalArgumentException("title is required (at most 80 characters)");
        }
        if (request.from() == null) {
            throw new IllegalArgumentException("from (YYYY-MM-DD: the day the information was created or the policy published) is required");
        }
        return deadlines.plan(kind, prefix + request.title().strip(), request.from(), days,
                recipients.check(request.recipients()));
    }

    /**
     * @param title      what the deadline is about
     * @param from       the day the information was created, or the policy published
     * @param recipients staff only: bound members' openids, {@code role:ROLE} or {@code dept:DEPARTMENT} entries
     *                   (the drafting department's staff)
     */
    record DeadlineRequest(String title, LocalDate from, List<String> recipients) {
    }
}
