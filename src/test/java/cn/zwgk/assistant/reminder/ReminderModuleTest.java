package cn.zwgk.assistant.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.zwgk.assistant.knowledge.PolicyDocumentImported;
import cn.zwgk.assistant.opinion.IncidentOpened;
import cn.zwgk.assistant.opinion.Milestone;
import cn.zwgk.assistant.opinion.MilestoneCompleted;
import cn.zwgk.assistant.opinion.Severity;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.staff.StaffNotifier;
import cn.zwgk.assistant.support.ModuleTest;

/**
 * Reminders with the working-day calendar and nothing else of the application: the events other modules
 * publish are what starts a plan. Staff are mocked; this test is about what gets planned, not who hears it.
 */
@ModuleTest(extraIncludes = "calendar")
class ReminderModuleTest {

    @MockitoBean
    StaffDirectory directory;
    @MockitoBean
    StaffNotifier notifier;

    @Autowired
    ReminderService reminders;

    @Test
    void aPolicyImportedAsNeedingInterpretationGetsItsDeadlinePlanned(Scenario scenario) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String subject = StaffDeadlines.INTERPRETATION_PREFIX + "关于完善养老服务体系的实施意见";
        scenario.publish(new PolicyDocumentImported(7L, "关于完善养老服务体系的实施意见", today, "民政科"))
                .andWaitForStateChange(() -> reminders.pending(subject), list -> !list.isEmpty())
                .andVerify(list -> {
                    assertThat(list).extracting(Reminder::kind).contains(ReminderKind.INTERPRETATION_DUE);
                    assertThat(list).filteredOn(r -> r.kind() == ReminderKind.INTERPRETATION_DUE)
                            .allSatisfy(r -> assertThat(r.recipients()).containsExactly("dept:民政科"));
                });
    }

    @Test
    void anIncidentStartsItsResponseClocksAndACompletedMilestoneStopsItsOwn(Scenario scenario) {
        Instant now = Instant.now();
        Instant due = now.plus(Duration.ofHours(5));
        Milestone response = new Milestone(Milestone.AUTHORITATIVE_INFO, due, due, null, null);
        String subject = IncidentClocks.subject(4242L, Milestone.AUTHORITATIVE_INFO);
        scenario.publish(new IncidentOpened(4242L, "某小区停水", Severity.MAJOR, now, null, List.of(response),
                        List.of(List.of(now.plus(Duration.ofHours(4)), due))))
                .andWaitForStateChange(() -> reminders.pending(subject), list -> !list.isEmpty())
                .andVerify(list -> assertThat(list).extracting(Reminder::kind)
                        .contains(ReminderKind.INCIDENT_CLOCK, ReminderKind.ESCALATION));
        scenario.publish(new MilestoneCompleted(4242L, Milestone.AUTHORITATIVE_INFO))
                .andWaitForStateChange(() -> reminders.pending(subject), List::isEmpty)
                .andVerify(list -> assertThat(list).isEmpty());
    }
}
