package cn.zwgk.assistant.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.support.ModuleTest;

/** The staff directory with the conversation it takes commands from: a one-time code binds one WeChat user. */
@ModuleTest(extraIncludes = "conversation")
class StaffModuleTest {

    @MockitoBean
    OutboxService outbox;

    @Autowired
    StaffDirectory directory;

    @Test
    void aBindingCodeBindsOneWechatUserOnce() {
        StaffMember member = directory.add("赵科长", "办公室", Set.of(Role.SUPERVISOR), null, null);
        String code = directory.newBindingCode(member.id()).code();

        assertThat(directory.bind(code, "oStaffModule")).get().extracting(StaffMember::id).isEqualTo(member.id());
        assertThat(directory.bind(code, "oSomeoneElse")).isEmpty();
        assertThat(directory.withRole(Role.SUPERVISOR)).extracting(StaffMember::openid).contains("oStaffModule");
    }
}
