package cn.zwgk.assistant.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.calendar.WorkingDayCalendar;
import cn.zwgk.assistant.platform.Texts;

/**
 * Turns a legal deadline into reminders on working days at the configured hour: N working days
 * before (5, 3, 1 by default), on the day itself, then daily escalations to supervisors while it
 * is overdue. Automatic reminders never fire in quiet hours unless critical.
 */
@Component
class ReminderPlanner {

    static final int OVERDUE_DAYS_PLANNED = 10;

    private final WorkingDayCalendar calendar;
    private final ReminderProperties properties;
    private final Texts texts;
    private final Clock clock;

    ReminderPlanner(WorkingDayCalendar calendar, ReminderProperties properties, Texts texts, Clock clock) {
        this.calendar = calendar;
        this.properties = properties;
        this.texts = texts;
        this.clock = clock;
    }

    /** Reminders for a deadline of {@code kind}; past ones are left out. */
    List<PlannedReminder> deadline(ReminderKind kind, String subject, LocalDate due, List<String> handlers,
                                   List<String> supervisors) {
        List<PlannedReminder> planned = new ArrayList<>();
        String title = texts.get("reminder.title." + kind.name());
        for (int offset : properties.disclosureOffsets()) {
            LocalDate day = calendar.minusWorkingDays(due, offset).date();
            add(planned, new PlannedReminder(kind, title,
                    texts.get("reminder.before-due", subject, due.toString(), Integer.toString(offset)),
                    handlers, at(day), false));
        }
        add(planned, new PlannedReminder(kind, title, texts.get("reminder.due-today", subject, due.toString()),
                handlers, at(due), true));
        LocalDate day = due;
        for (int i = 1; i <= OVERDUE_DAYS_PLANNED; i++) {
            day = calendar.addWorkingDays(day, 1).date();
            List<String> recipients = new ArrayList<>(supervisors);
            recipients.addAll(handlers);
            add(planned, new PlannedReminder(ReminderKind.DISCLOSURE_OVERDUE, texts.get("reminder.title.DISCLOSURE_OVERDUE"),
                    texts.get("reminder.overdue", subject, due.toString(), Integer.toString(i)), recipients, at(day), true));
        }
        return planned;
    }

    /** The reminder time on a working day, moved out of quiet hours unless critical. */
    Instant at(LocalDate day) {
        return outsideQuietHours(ZonedDateTime.of(day, properties.workingHour(), properties.zone()).toInstant(), false);
    }

    Instant outsideQuietHours(Instant when, boolean critical) {
        if (critical) {
            return when;
        }
        ZonedDateTime local = when.atZone(properties.zone());
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(properties.quietStart())) {
            return local.toLocalDate().plusDays(1).atTime(properties.quietEnd()).atZone(properties.zone()).toInstant();
        }
        if (time.isBefore(properties.quietEnd())) {
            return local.toLocalDate().atTime(properties.quietEnd()).atZone(properties.zone()).toInstant();
        }
        return when;
    }

    private void add(List<PlannedReminder> planned, PlannedReminder reminder) {
        if (reminder.fireAt().isAfter(clock.instant())) {
            planned.add(reminder);
        }
    }
}
