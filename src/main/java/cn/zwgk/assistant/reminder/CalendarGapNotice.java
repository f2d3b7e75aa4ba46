package cn.zwgk.assistant.reminder;

import java.time.LocalDate;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.calendar.MissingCalendarYearDetected;
import cn.zwgk.assistant.notification.StaffAlert;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffNotifier;

/** Tells the admins, once a day per year, that deadlines were counted through a year with no holiday data. */
@Component
class CalendarGapNotice {

    private final StaffNotifier notifier;
    private final Texts texts;

    CalendarGapNotice(StaffNotifier notifier, Texts texts) {
        this.notifier = notifier;
        this.texts = texts;
    }

    @EventListener
    void onMissingYear(MissingCalendarYearDetected missing) {
        String year = Integer.toString(missing.year());
        notifier.notifyRole("calendar-missing:" + year + ":" + LocalDate.now(), Role.ADMIN,
                new StaffAlert(texts.get("reminder.calendar-missing-title"), texts.get("reminder.calendar-missing", year),
                        "calendar-" + year, LocalDate.now().toString(), null, true));
    }
}
