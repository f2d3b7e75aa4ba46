package cn.zwgk.assistant.opinion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.opinion.AlertService;
import cn.zwgk.assistant.opinion.Incident;
import cn.zwgk.assistant.opinion.IncidentService;
import cn.zwgk.assistant.opinion.OpinionAlert;
import cn.zwgk.assistant.opinion.QuickResponse;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.ConsoleUsers;
import cn.zwgk.assistant.support.IntegrationTest;

/** 舆情与口径 and 预警 screens over HTTP: roles, validation, clocks, 口径 versions, escaping. */
@IntegrationTest
class OpinionConsoleIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    IncidentService incidents;

    @Autowired
    AlertService alerts;

    @Autowired
    JdbcClient jdbc;

    ConsoleSession signedIn(Role role) {
        ConsoleSession session = new ConsoleSession(port);
        assertThat(session.login(ConsoleUsers.unique(accounts, role.name().toLowerCase() + "-", role), ConsoleUsers.PASSWORD).headers()
                .firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
        session.get("/console"); // the sign-in changed the CSRF token
        return session;
    }

    @Test
    void aHandlerIsRefusedTheOpinionAndAdministrationScreens() {
        ConsoleSession handler = signedIn(Role.HANDLER);
        for (String path : new String[] {"/console/incidents", "/console/alerts", "/console/staff", "/console/users",
                "/console/config"}) {
            assertThat(handler.get(path).statusCode()).as(path).isEqualTo(403);
        }
        handler.get("/console/reminders");
        assertThat(handler.postForm("/console/incidents", Map.of("title", "越权登记", "severity", "GENERAL")).statusCode())
                .isEqualTo(403);
        assertThat(incidents.all()).extracting(Incident::title).doesNotContain("越权登记");
        HttpResponse<String> remindersPage = handler.get("/console/reminders");
        assertThat(remindersPage.statusCode()).isEqualTo(200);
        assertThat(remindersPage.body()).doesNotContain("incident:12:response"); // no internal keys as hints
        assertThat(handler.get("/console/calendar").statusCode()).isEqualTo(200);
    }

    @Test
    void anIncidentIsOpenedWithItsClocksAndItsQuickResponsesKeepEveryVersion() {
        ConsoleSession comms = signedIn(Role.COMMS);
        int before = incidents.all().size();
        HttpResponse<String> refused = comms.postForm("/console/incidents", Map.of("title", " ", "severity", "MAJOR"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("请填写事件标题");
        HttpResponse<String> noSeverity = comms.postForm("/console/incidents", Map.of("title", "某路段塌陷", "severity", ""));
        assertThat(noSeverity.statusCode()).isEqualTo(400);
        assertThat(noSeverity.body()).contains("请选择事件级别").contains("value=\"某路段塌陷\"");
        HttpResponse<String> citizen = comms.postForm("/console/incidents",
                Map.of("title", "某路段塌陷", "severity", "MAJOR", "responsible", "oCitizen-not-staff"));
        assertThat(citizen.statusCode()).as("a forged responsible officer").isEqualTo(400);
        assertThat(citizen.body()).contains("责任人须是已绑定微信的在岗工作人员");
        assertThat(incidents.all()).hasSize(before);
        assertThat(noSeverity.body()).contains(">特别重大</option>").contains(">一般</option>");

        String xss = "<script>alert(1)</script>";
        String title = "东湖路" + UUID.randomUUID().toString().substring(0, 4) + "塌陷" + xss;
        HttpResponse<String> opened = comms.postForm("/console/incidents",
                Map.of("title", title, "severity", "MAJOR", "keywords", "东湖路塌陷，东湖路 地陷"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String location = opened.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Incident incident = incidents.get(id);
        assertThat(incident.keywords()).containsExactly("东湖路塌陷", "东湖路", "地陷");
        assertThat(incident.openedBy()).startsWith("comms-");

        String page = comms.get("/console/incidents/" + id).body();
        assertThat(page).contains("已登记舆情事件 #" + id).contains("发布权威信息").contains("召开新闻发布会")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(xss);
        assertThat(comms.get("/console/incidents").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(xss);

        // mark a clock done: it shows as done, twice is reported as such
        assertThat(ConsoleUsers.submit(comms, "/console/incidents/" + id + "/milestones/authoritative-info", Map.of()))
                .contains("已记录“发布权威信息”完成");
        assertThat(incidents.get(id).milestones().get(0).doneBy()).startsWith("comms-");
        assertThat(ConsoleUsers.submit(comms, "/console/incidents/" + id + "/milestones/authoritative-info", Map.of()))
                .contains("此前已记录完成");

        // 口径: empty refused; two versions, the first superseded; then withdrawn
        HttpResponse<String> empty = comms.postForm("/console/incidents/" + id + "/responses", Map.of("text", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("请填写口径内容");
        assertThat(ConsoleUsers.submit(comms, "/console/incidents/" + id + "/responses", Map.of("text", "经核实，路面塌陷无人员受伤（第1版）" + xss)))
                .contains("口径第 1 版已发布")
                .contains("第1版）&lt;script&gt;").doesNotContain(xss);
        ConsoleUsers.submit(comms, "/console/incidents/" + id + "/responses", Map.of("text", "经核实，塌陷路段已封闭抢修（第2版）"));
        assertThat(incidents.get(id).responses()).extracting(QuickResponse::status)
                .containsExactly(QuickResponse.Status.PUBLISHED, QuickResponse.Status.SUPERSEDED);
        long current = incidents.current(id).orElseThrow().id();
        String detail = comms.get("/console/incidents/" + id).body();
        assertThat(detail).contains("已被新版本替代").contains("使用中").contains("撤回口径");

        assertThat(ConsoleUsers.submit(comms, "/console/incidents/" + id + "/responses/" + current + "/withdraw", Map.of()))
                .contains("口径第 2 版已撤回").contains("尚无使用中的口径");
        assertThat(incidents.current(id)).isEmpty();
        assertThat(ConsoleUsers.submit(comms, "/console/incidents/" + id + "/responses/" + current + "/withdraw", Map.of()))
                .contains("操作未完成");
    }

    @Test
    void anAlertIsConfirmedIntoAnIncidentOrDismissed() {
        long confirmId = alert("停车场收费" + UUID.randomUUID().toString().substring(0, 4));
        long dismissId = alert("广场舞噪音" + UUID.randomUUID().toString().substring(0, 4));
        ConsoleSession admin = new ConsoleSession(port);
        admin.login("admin", "admin");
        String page = admin.get("/console/alerts").body();
        assertThat(page).contains("alert-" + confirmId).contains("待处理").contains("9 位群众");

        String confirmed = ConsoleUsers.submit(admin, "/console/alerts/" + confirmId + "/confirm",
                Map.of("severity", "GENERAL", "title", "停车场乱收费"));
        OpinionAlert after = alerts.find(confirmId).orElseThrow();
        assertThat(after.status()).isEqualTo(OpinionAlert.Status.CONFIRMED);
        assertThat(confirmed).contains("预警 #" + confirmId + " 已确认，立为舆情事件 #" + after.incidentId())
                .contains("incident-heading");
        assertThat(incidents.get(after.incidentId()).title()).isEqualTo("停车场乱收费");
        assertThat(incidents.get(after.incidentId()).milestones()).extracting(m -> m.name()).containsExactly("response");

        assertThat(ConsoleUsers.submit(admin, "/console/alerts/" + dismissId + "/dismiss", Map.of())).contains("预警 #" + dismissId + " 已忽略");
        assertThat(alerts.find(dismissId).orElseThrow().status()).isEqualTo(OpinionAlert.Status.DISMISSED);
        assertThat(ConsoleUsers.submit(admin, "/console/alerts/" + dismissId + "/dismiss", Map.of())).contains("操作未完成")
                .contains("already DISMISSED");
    }

    private long alert(String topic) {
        jdbc.sql("insert into opinion_alert (topic, summary, users, samples, alarm_words, status, raised_at) "
                        + "values (?, ?, 9, ?, '投诉', 'PENDING', ?)")
                .params(topic, topic + "问题集中反映", topic + "怎么回事\n" + topic + "投诉", Timestamp.from(Instant.now())).update();
        return jdbc.sql("select id from opinion_alert where topic = ?").param(topic).query(Long.class).single();
    }
}
