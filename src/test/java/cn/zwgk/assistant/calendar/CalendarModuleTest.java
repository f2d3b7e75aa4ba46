package cn.zwgk.assistant.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import cn.zwgk.assistant.support.ModuleTest;

/** The calendar alone: a deadline counted through a year without holiday data is flagged, and said once. */
@ModuleTest
class CalendarModuleTest {

    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void countingThroughAYearWithoutDataPublishesItsDetection(Scenario scenario) {
        scenario.stimulate(() -> calendar.addWorkingDays(LocalDate.of(2097, 12, 20), 20))
                .andWaitForEventOfType(MissingCalendarYearDetected.class)
                .matching(e -> e.year() == 2098)
                .toArriveAndVerify(e -> assertThat(e.context()).contains("2097-12-20"));
        assertThat(calendar.missingYears(2098, 1)).contains(2098);
    }
}
