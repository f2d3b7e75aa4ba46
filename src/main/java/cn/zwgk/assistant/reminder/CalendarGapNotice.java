package cn.zwgk.assistant.reminder;

import java.time.LocalDate;

import org.springframework.modulith.events.ApplicationModuleListener;
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

    /** Off the counting thread, after the detection is recorded; the key makes a resubmission a no-op. */
    @ApplicationModuleListener
    void onMissingYear(MissingCalendarYearDetected missing) {
        String year = Integer.toString(missing.year());
        LocalDate on = missing.detectedOn();
        notifier.notifyRole("calendar-missing:" + year + ":" + on, Role.ADMIN,
                new StaffAlert(texts.get("reminder.calendar-missing-title"), texts.get("reminder.calendar-missing", year),
                        "calendar-" + year, on.toString(), null, true));
    }
}
