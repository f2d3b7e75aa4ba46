package cn.zwgk.assistant.opinion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.opinion.Incident;
import cn.zwgk.assistant.opinion.IncidentService;
import cn.zwgk.assistant.opinion.QuickResponse;
import cn.zwgk.assistant.opinion.Severity;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.ConsoleUsers;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.TestBackends;

/** With second approval on, the console submits a 口径 for approval and only another person can approve it. */
@ExtendWith(ExternalBackendCondition.class)
class SecondApprovalConsoleIT {

    @Test
    void theIssuerCannotApproveTheirOwnQuickResponseAndAnotherOfficerCan() {
        Map<String, String> props = TestBackends.properties();
        props.put("opinion.second-approval", "true");
        try (AppInstance app = AppInstance.start(props)) {
            UserAccounts accounts = app.bean(UserAccounts.class);
            IncidentService incidents = app.bean(IncidentService.class);
            accounts.create("comms-wang", "宣传科王", "comms-password-1", Set.of(Role.COMMS));
            accounts.create("leader-li", "分管领导李", "leader-password-1", Set.of(Role.COMMS));
            Incident incident = incidents.open("南门菜市场食品安全问题", Severity.GENERAL, List.of("南门菜市场"), "comms-wang",
                    null, null);

            ConsoleSession wang = session(app, "comms-wang", "comms-password-1");
            String page = wang.get("/console/incidents/" + incident.id()).body();
            assertThat(page).contains("已开启二次审核").contains("提交审核");
            assertThat(ConsoleUsers.submit(wang, "/console/incidents/" + incident.id() + "/responses",
                    Map.of("text", "经抽检，南门菜市场在售蔬菜农残均合格。"))).contains("须由另一位人员审核后发布")
                    .contains("待审核").contains("须由他人审核").doesNotContain("审核发布</button>");
            QuickResponse pending = incidents.get(incident.id()).responses().get(0);
            assertThat(pending.status()).isEqualTo(QuickResponse.Status.PENDING_APPROVAL);
            assertThat(ConsoleUsers.submit(wang, "/console/incidents/" + incident.id() + "/responses/" + pending.id()
                    + "/approve", Map.of())).contains("口径须由提交人以外的人员审核");
            assertThat(incidents.current(incident.id())).isEmpty();

            ConsoleSession li = session(app, "leader-li", "leader-password-1");
            assertThat(li.get("/console/incidents/" + incident.id()).body()).contains("审核发布</button>");
            assertThat(ConsoleUsers.submit(li, "/console/incidents/" + incident.id() + "/responses/" + pending.id()
                    + "/approve", Map.of())).contains("口径第 1 版已审核发布").contains("使用中");
            assertThat(incidents.current(incident.id()).map(QuickResponse::approvedBy)).contains("leader-li");
        }
    }

    private static ConsoleSession session(AppInstance app, String user, String password) {
        ConsoleSession session = new ConsoleSession(app.port());
        session.login(user, password);
        session.get("/console");
        return session;
    }
}
