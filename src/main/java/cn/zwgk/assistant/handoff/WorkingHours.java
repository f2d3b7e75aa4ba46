package cn.zwgk.assistant.handoff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.calendar.WorkingDayCalendar;

/** When staff are there: the configured hours on the working days of the office's calendar. */
@Component
class WorkingHours {

    /** How far ahead the next opening is looked for (a long holiday is at most a few weeks). */
    private static final int LOOK_AHEAD_DAYS = 40;

    private record Range(LocalTime from, LocalTime to) {
    }

    private final WorkingDayCalendar calendar;
    private final HandoffProperties properties;
    private final List<Range> ranges = new ArrayList<>();

    WorkingHours(WorkingDayCalendar calendar, HandoffProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
        for (String range : properties.hours()) {
            String[] parts = range.strip().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("handoff.hours: '" + range + "' is not HH:mm-HH:mm");
            }
            Range r = new Range(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            if (!r.from().isBefore(r.to())) {
                throw new IllegalArgumentException("handoff.hours: '" + range + "' ends before it starts");
            }
            ranges.add(r);
        }
        ranges.sort((a, b) -> a.from().compareTo(b.from()));
    }

    boolean open(Instant at) {
        ZonedDateTime local = at.atZone(properties.zone());
        if (!calendar.isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        return ranges.stream().anyMatch(r -> !t.isBefore(r.from()) && t.isBefore(r.to()));
    }

    /** When staff are next there, after {@code at} (empty when the calendar has no working day ahead). */
    Optional<ZonedDateTime> nextOpening(Instant at) {
        ZonedDateTime local = at.atZone(properties.zone());
        LocalDate day = local.toLocalDate();
        for (int i = 0; i <= LOOK_AHEAD_DAYS; i++, day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (Range r : ranges) {
                ZonedDateTime start = day.atTime(r.from()).atZone(properties.zone());
                if (start.isAfter(local)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }
}
