package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.support.ModuleTest;

/**
 * 依申请公开 with the calendar and the conversation it plugs into: an application submitted online becomes
 * a case whose statutory deadline (20 working days) is announced with it, for reminders to plan.
 */
@ModuleTest(extraIncludes = { "calendar", "conversation" })
class DisclosureModuleTest {

    @MockitoBean
    OutboxService outbox;

    @Autowired
    DisclosureService disclosures;

    @Test
    void anApplicationSubmittedOnlineIsAnnouncedWithItsDeadline(Scenario scenario) {
        DisclosureRequest request = new DisclosureRequest(ApplicantType.CITIZEN, "模块", null, null, "11010519491231002X",
                null, "13800138000", "北京市东城区正义路2号院3号楼", null, "2025年本区河道治理项目的验收报告", null,
                InfoForm.ELECTRONIC, DeliveryWay.ONLINE);
        scenario.stimulate(() -> disclosures.submitOnline(UUID.randomUUID().toString(), "wxApp", "oModule", request))
                .andWaitForEventOfType(DisclosureSubmitted.class)
                .matching(e -> e.openid().equals("oModule"))
                .toArriveAndVerify((submitted, view) -> {
                    assertThat(submitted.trackingNo()).isEqualTo(view.trackingNo());
                    assertThat(submitted.dueOn()).hasToString(view.dueOn());
                    assertThat(submitted.dueOn()).isAfter(submitted.receivedOn().plusDays(20));
                });
    }
}
