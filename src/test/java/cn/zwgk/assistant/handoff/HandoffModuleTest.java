package cn.zwgk.assistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.zwgk.assistant.disclosure.DisclosureService;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffNotifier;
import cn.zwgk.assistant.support.ModuleTest;
import cn.zwgk.assistant.wechat.AccountRegistry;

/**
 * 转人工 with the calendar (working hours) and the conversation (the hold): a request is queued once, the
 * on-duty role is told, and a second request while the first is open is not queued again.
 */
@ModuleTest(extraIncludes = { "calendar", "conversation" })
class HandoffModuleTest {

    @MockitoBean
    StaffNotifier staff;
    @MockitoBean
    OutboxService outbox;
    @MockitoBean
    AccountRegistry accounts;
    @MockitoBean
    DisclosureService disclosures;

    @Autowired
    HandoffService handoffs;

    @Test
    void aRequestIsQueuedOnceAndTheOnDutyRoleIsTold() {
        HandoffService.Requested first = handoffs.request("wxApp", "oHandoffModule");
        assertThat(first).isIn(HandoffService.Requested.QUEUED, HandoffService.Requested.QUEUED_OFF_HOURS);
        assertThat(handoffs.request("wxApp", "oHandoffModule")).isEqualTo(HandoffService.Requested.ALREADY_OPEN);
        assertThat(handoffs.queue()).filteredOn(h -> h.openid().equals("oHandoffModule")).hasSize(1);
        verify(staff).notifyRole(startsWith("handoff:"), eq(Role.HANDLER), any());
    }
}
