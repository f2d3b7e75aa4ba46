package cn.zwgk.assistant.disclosure;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.calendar.WorkingDate;
import cn.zwgk.assistant.calendar.WorkingDayCalendar;

/**
 * The legal deadlines of a case (Art. 30–33), in working days with the day of receipt not counted:
 * the reply is due 20 working days after the clock starts (receipt, or the arrival of the 补正),
 * plus an extension, plus the working days spent in third-party consultation. While a consultation
 * runs the due date assumes it takes its full 15 working days; ending it fixes the real count.
 */
@Component
class Deadlines {

    static final int REPLY_DAYS = 20;
    static final int CORRECTION_NOTICE_DAYS = 7;
    static final int MAX_EXTENSION_DAYS = 20;
    static final int CONSULTATION_DAYS = 15;

    private final WorkingDayCalendar calendar;

    Deadlines(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** Sets the correction-notice and reply due dates from the case's clock, extension and pauses. */
    void recompute(DisclosureCase c) {
        c.correctionDueOn = calendar.addWorkingDays(c.receivedOn, CORRECTION_NOTICE_DAYS).date();
        int days = REPLY_DAYS + c.extensionDays + c.pausedDays
                + (c.status == CaseStatus.CONSULTING ? CONSULTATION_DAYS : 0);
        WorkingDate due = calendar.addWorkingDays(c.clockStartOn, days);
        c.dueOn = due.date();
        c.dueProvisional = due.provisional();
    }

    /** Working days after {@code from} up to and including {@code to}. */
    int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
