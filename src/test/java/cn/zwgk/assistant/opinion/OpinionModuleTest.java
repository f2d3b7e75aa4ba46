package cn.zwgk.assistant.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.zwgk.assistant.knowledge.TextSimilarity;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.staff.StaffNotifier;
import cn.zwgk.assistant.support.ModuleTest;

/**
 * 舆情 with the conversation it answers in: an incident opened announces its 5 h / 24 h / 48 h milestones
 * (for reminders to clock), and a milestone done is announced once.
 */
@ModuleTest(extraIncludes = "conversation")
class OpinionModuleTest {

    @MockitoBean
    TextSimilarity similarity;
    @MockitoBean
    OutboxService outbox;
    @MockitoBean
    StaffNotifier notifier;
    @MockitoBean
    StaffDirectory directory;

    @Autowired
    IncidentService incidents;

    @Test
    void anIncidentIsAnnouncedWithItsMilestonesAndADoneMilestoneOnce(Scenario scenario) {
        String title = "某小区停水引发关注";
        scenario.stimulate(() -> incidents.open(title, Severity.MAJOR, List.of("停水"), "officer", null, null))
                .andWaitForEventOfType(IncidentOpened.class)
                .matching(e -> e.title().equals(title))
                .toArriveAndVerify((e, incident) -> {
                    assertThat(e.id()).isEqualTo(incident.id());
                    assertThat(e.milestones()).isNotEmpty().allSatisfy(m -> assertThat(m.dueAt()).isAfter(e.openedAt()));
                });
        Incident incident = incidents.all().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
        String first = incident.milestones().get(0).name();
        scenario.stimulate(() -> incidents.completeMilestone(incident.id(), first, "officer"))
                .andWaitForEventOfType(MilestoneCompleted.class)
                .matching(e -> e.incidentId() == incident.id())
                .toArriveAndVerify(e -> assertThat(e.name()).isEqualTo(first));
        // done once: a second completion changes nothing and announces nothing
        assertThat(incidents.completeMilestone(incident.id(), first, "officer")).isFalse();
    }
}
