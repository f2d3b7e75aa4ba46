package cn.zwgk.assistant.calendar;

import java.time.LocalDate;

/** A deadline was counted through a year whose holiday arrangement is not on record. */
public record MissingCalendarYearDetected(int year, String context, LocalDate detectedOn) {
}
