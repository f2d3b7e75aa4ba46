package cn.zwgk.assistant.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.calendar.CalendarFixture;
import cn.zwgk.assistant.platform.PlatformProperties;
import cn.zwgk.assistant.platform.Texts;

class ReminderPlannerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final ReminderProperties properties = new ReminderProperties(SHANGHAI, List.of(5, 3, 1), LocalTime.of(9, 0),
            LocalTime.of(22, 0), LocalTime.of(8, 0), Duration.ofHours(2), "http://localhost:8080", Duration.ofDays(7));
    private final Texts texts = new Texts(new PlatformProperties("channel-config", "./data", null, "t:", 0, null));

    @Test
    void remindersFallOnWorkingDaysBeforeTheDeadlineThenEscalateDaily() {
        Instant now = ZonedDateTime.of(2026, 9, 1, 10, 0, 0, 0, SHANGHAI).toInstant();
        ReminderPlanner planner = new ReminderPlanner(CalendarFixture.shipped(), properties, texts,
                Clock.fixed(now, SHANGHAI));
        List<PlannedReminder> plan = planner.deadline(ReminderKind.DISCLOSURE_DUE, "YSQ-2026-000042",
                LocalDate.of(2026, 10, 9), List.of("oHandler"), List.of("oSupervisor"));

        assertThat(plan.subList(0, 4)).extracting(p -> p.fireAt().atZone(SHANGHAI).toLocalDateTime().toString())
                .containsExactly("2026-09-24T09:00", "2026-09-29T09:00", "2026-10-08T09:00", "2026-10-09T09:00");
        assertThat(plan.get(0).text()).contains("YSQ-2026-000042").contains("2026-10-09").contains("5");
        assertThat(plan.get(3).critical()).isTrue();
        List<PlannedReminder> overdue = plan.subList(4, plan.size());
        assertThat(overdue).hasSize(ReminderPlanner.OVERDUE_DAYS_PLANNED)
                .allSatisfy(p -> assertThat(p.kind()).isEqualTo(ReminderKind.DISCLOSURE_OVERDUE))
                .allSatisfy(p -> assertThat(p.recipients()).containsExactly("oSupervisor", "oHandler"));
        // Saturday 10 October 2026 is a make-up working day
        assertThat(overdue.get(0).fireAt().atZone(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(overdue.get(1).fireAt().atZone(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void pastRemindersAreLeftOut() {
        Instant now = ZonedDateTime.of(2026, 10, 8, 12, 0, 0, 0, SHANGHAI).toInstant();
        ReminderPlanner planner = new ReminderPlanner(CalendarFixture.shipped(), properties, texts,
                Clock.fixed(now, SHANGHAI));
        List<PlannedReminder> plan = planner.deadline(ReminderKind.DISCLOSURE_DUE, "YSQ-2026-000043",
                LocalDate.of(2026, 10, 9), List.of("oHandler"), List.of());
        assertThat(plan.get(0).fireAt().atZone(SHANGHAI).toLocalDateTime().toString()).isEqualTo("2026-10-09T09:00");
    }

    @Test
    void automaticRemindersAvoidQuietHoursButCriticalOnesDoNot() {
        ReminderPlanner planner = new ReminderPlanner(CalendarFixture.shipped(), properties, texts, Clock.systemUTC());
        Instant lateEvening = ZonedDateTime.of(2026, 11, 23, 23, 30, 0, 0, SHANGHAI).toInstant();
        Instant earlyMorning = ZonedDateTime.of(2026, 11, 24, 6, 0, 0, 0, SHANGHAI).toInstant();
        Instant noon = ZonedDateTime.of(2026, 11, 24, 12, 0, 0, 0, SHANGHAI).toInstant();
        assertThat(planner.outsideQuietHours(lateEvening, false).atZone(SHANGHAI).toLocalDateTime().toString())
                .isEqualTo("2026-11-24T08:00");
        assertThat(planner.outsideQuietHours(earlyMorning, false).atZone(SHANGHAI).toLocalDateTime().toString())
                .isEqualTo("2026-11-24T08:00");
        assertThat(planner.outsideQuietHours(noon, false)).isEqualTo(noon);
        assertThat(planner.outsideQuietHours(lateEvening, true)).isEqualTo(lateEvening);
    }
}
