package cn.zwgk.assistant.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The office's time zone: dates and times shown to staff and citizens, and "today" for deadlines. */
public final class OfficeTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private OfficeTime() {
    }

    /** Today's date in the office, by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
