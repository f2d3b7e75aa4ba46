package cn.zwgk.assistant.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of counting working days.
 *
 * @param date         the date reached
 * @param missingYears years the count crossed for which no holiday arrangement is on record; the
 *                     date then assumes Monday–Friday there and must be checked by staff
 */
public record WorkingDate(LocalDate date, List<Integer> missingYears) {

    public boolean provisional() {
        return !missingYears.isEmpty();
    }
}
