package cn.zwgk.assistant.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/** The calendar over the real migrations (H2 in memory): the shipped 2025/2026 data and its rules. */
class WorkingDayCalendarTest {

    private final List<Object> events = new ArrayList<>();
    private WorkingDayCalendar calendar;

    @BeforeEach
    void setUp() {
        calendar = calendarOnFreshDatabase(events);
    }

    private static WorkingDayCalendar calendarOnFreshDatabase(List<Object> events) {
        return CalendarFixture.shipped(events::add);
    }

    @Test
    void twentyWorkingDaysAcrossSpringFestival2026CountMakeUpSaturdays() {
        // Feb 14 and Feb 28 are make-up Saturdays; Feb 15–23 are off.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 10), 20).date()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
    }

    @Test
    void spring2025AndNationalDay2025() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 1, 20), 20).date()).isEqualTo(LocalDate.of(2025, 2, 21));
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 9, 26), 5).date()).isEqualTo(LocalDate.of(2025, 10, 10));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).as("make-up Sunday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
    }

    @Test
    void midAutumnAndNationalDay2026() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 18), 7).date()).isEqualTo(LocalDate.of(2026, 9, 29));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1).date()).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void theDayOfReceiptIsNotCountedAndZeroDaysIsTheSameDay() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(calendar.addWorkingDays(monday, 0).date()).isEqualTo(monday);
        assertThat(calendar.addWorkingDays(monday, 1).date()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 27), 1).date()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void aYearWithoutAnArrangementIsFlaggedNotSilentlyCounted() {
        WorkingDate result = calendar.addWorkingDays(LocalDate.of(2026, 12, 20), 20);
        assertThat(result.provisional()).isTrue();
        assertThat(result.missingYears()).containsExactly(2027);
        assertThat(events).containsExactly(new MissingCalendarYearDetected(2027, "add 20 working days to 2026-12-20", LocalDate.now()));
        assertThat(calendar.missingYears(2026, 1)).containsExactly(2027);

        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 2), 20).provisional()).isFalse();
    }

    @Test
    void aMissingYearIsReportedOnceADayNotOnEveryComputation() {
        for (int i = 0; i < 50; i++) {
            assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1 + i % 5).provisional()).isTrue();
        }
        assertThat(calendar.minusWorkingDays(LocalDate.of(2028, 1, 10), 3).missingYears()).containsExactly(2028);
        assertThat(events).extracting(e -> ((MissingCalendarYearDetected) e).year()).containsExactly(2027, 2028);
    }

    @Test
    void editsTakeEffectAndAPublishedYearIsNoLongerFlagged() {
        LocalDate day = LocalDate.of(2026, 11, 25);
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 24), 1).date()).isEqualTo(day);
        calendar.saveDay(new SpecialDay(day, DayKind.HOLIDAY, "临时调整"));
        assertThat(calendar.isWorkingDay(day)).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 24), 1).date()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(calendar.deleteDay(day)).isTrue();
        assertThat(calendar.isWorkingDay(day)).isTrue();

        calendar.markYearPublished(2027, "国务院办公厅通知");
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 20), 20).provisional()).isFalse();
    }

    @Test
    void countingBackwardsSkipsHolidaysToo() {
        // five working days before the 2026-10-09 deadline: Oct 8, 1–7 off, Sep 30, 29, 28, 25–27 off, 24
        assertThat(calendar.minusWorkingDays(LocalDate.of(2026, 10, 9), 1).date()).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.minusWorkingDays(LocalDate.of(2026, 10, 9), 5).date()).isEqualTo(LocalDate.of(2026, 9, 24));
        LocalDate due = calendar.addWorkingDays(LocalDate.of(2026, 2, 10), 20).date();
        assertThat(calendar.minusWorkingDays(due, 20).date()).isEqualTo(LocalDate.of(2026, 2, 10));
    }

    @Test
    void refusesNegativeOrAbsurdCounts() {
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 5), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 5), 100_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
