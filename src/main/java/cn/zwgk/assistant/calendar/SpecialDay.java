package cn.zwgk.assistant.calendar;

import java.time.LocalDate;

/** One entry of the calendar: a holiday or a make-up working day, with its name (春节, 国庆节调休上班 …). */
public record SpecialDay(LocalDate day, DayKind kind, String name) {
}
