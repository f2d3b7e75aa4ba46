package cn.zwgk.assistant.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.staff.StaffMember;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.IntegrationTest;

/**
 * Reminders are the office's template messages with text staff typed: they go to staff only
 * (phishing a citizen "in the office's name" is refused), and statutory ones are not cancelled
 * by whoever keeps reminders.
 */
@IntegrationTest
class StaffOnlyRemindersIT {

    private static final String PHISHING = "请访问 http://evil.example/upload 上传身份证照片";
    private static final String PASSWORD = "staff-only-password-1";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ReminderService reminders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCustomReminderToACitizenIsRefusedInTheApi() throws Exception {
        String comms = user(Role.COMMS);
        String tag = tag();
        StaffMember member = staff.add("宣传岗" + tag, "宣传科" + tag, Set.of(Role.COMMS), "oStaff" + tag, null);
        String citizen = "oCitizen" + tag;
        int before = reminders.pending(null).size();

        HttpResponse<String> phishing = call(comms, "POST", "/api/reminders", custom(PHISHING, citizen));
        assertThat(phishing.statusCode()).isEqualTo(400);
        assertThat(phishing.body()).contains(citizen).contains("staff only");
        // one citizen among staff recipients spoils the whole request
        assertThat(call(comms, "POST", "/api/reminders", custom(PHISHING, member.openid(), citizen)).statusCode())
                .isEqualTo(400);
        assertThat(call(comms, "POST", "/api/reminders", custom(PHISHING, "role:NOBODY")).statusCode()).isEqualTo(400);
        assertThat(call(comms, "POST", "/api/reminders", custom(PHISHING, "dept:没有这个部门" + tag)).statusCode())
                .isEqualTo(400);
        // a staff member who has not bound WeChat cannot be named by an openid either
        staff.add("未绑定" + tag, "宣传科" + tag, Set.of(Role.COMMS), null, null);
        assertThat(reminders.pending(null)).hasSize(before);

        HttpResponse<String> toStaff = call(comms, "POST", "/api/reminders",
                custom("请报送本周舆情周报", member.openid(), "role:comms", "dept:宣传科" + tag));
        assertThat(toStaff.statusCode()).isEqualTo(201);
        assertThat(toStaff.body()).contains("\"role:COMMS\"").contains("\"dept:宣传科" + tag + "\"");
    }

    @Test
    void aDeadlineRegisteredForACitizenIsRefused() throws Exception {
        String handler = user(Role.HANDLER);
        String citizen = "oCitizen" + tag();
        HttpResponse<String> refused = call(handler, "POST", "/api/reminders/proactive-disclosure", """
                {"title":"%s","from":"%s","recipients":["%s"]}""".formatted(PHISHING, LocalDate.now(ZONE), citizen));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("staff only");
        assertThat(reminders.pending("主动公开：" + PHISHING)).isEmpty();
    }

    @Test
    void theConsoleFormRefusesACitizenWithAClearMessage() {
        String tag = tag();
        String citizen = "oCitizen" + tag;
        ConsoleSession session = new ConsoleSession(port);
        session.login(user(Role.HANDLER), PASSWORD);
        session.get("/console/reminders");
        String at = LocalDateTime.now(ZONE).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();

        HttpResponse<String> refused = session.postForm("/console/reminders",
                Map.of("text", PHISHING + tag, "recipients", citizen, "at", at));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("提醒只能发给已绑定微信的工作人员").contains(citizen);
        assertThat(reminders.pending(null)).noneMatch(r -> r.text().contains(tag));
    }

    @Test
    void aReminderFiresToStaffOnlyWhateverItsRecipientList() {
        // reminders other modules plan (an incident's responsible officer …) are checked when they fire
        String tag = tag();
        StaffMember member = staff.add("承办人" + tag, "办公室", Set.of(Role.HANDLER), "oStaff" + tag, null);
        String citizen = "oCitizen" + tag;
        long id = reminders.replaceForSubject("incident:staff-only-" + tag, List.of(ReminderKind.INCIDENT_CLOCK),
                List.of(new PlannedReminder(ReminderKind.INCIDENT_CLOCK, "响应时限", PHISHING, List.of(citizen, member.openid()),
                        Instant.now().plusSeconds(3600), false))).get(0);

        reminders.fire(id);

        assertThat(jdbc.sql("select recipient from outbox_message where delivery_key like ?")
                .param("staff:reminder:" + id + ":%").query(String.class).list()).containsExactly(member.openid());
    }

    @Test
    void aStatutoryReminderIsCancelledOnlyByAnAdministratorGivingAReason() throws Exception {
        String trackingNo = registerLetter();
        Reminder notice = reminders.pending(trackingNo).stream()
                .filter(r -> r.kind() == ReminderKind.CORRECTION_NOTICE_DUE).findFirst().orElseThrow();
        String path = "/api/reminders/" + notice.id();

        HttpResponse<String> comms = call(user(Role.COMMS), "DELETE", path, null);
        assertThat(comms.statusCode()).isEqualTo(403);
        assertThat(comms.body()).contains("statutory");
        assertThat(call(user(Role.HANDLER), "DELETE", path + "?reason=" + enc("不想要了"), null).statusCode()).isEqualTo(403);
        String admin = user(Role.ADMIN);
        HttpResponse<String> noReason = call(admin, "DELETE", path, null);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(call(admin, "DELETE", path + "?reason=" + enc("   "), null).statusCode()).isEqualTo(400);
        assertThat(reminders.get(notice.id()).orElseThrow().status()).isEqualTo(Reminder.Status.PENDING);

        assertThat(call(admin, "DELETE", path + "?reason=" + enc("来信重复登记，已并入另一案件"), null).statusCode())
                .isEqualTo(204);
        assertThat(reminders.get(notice.id()).orElseThrow().status()).isEqualTo(Reminder.Status.CANCELLED);
        assertThat(audit.forSubject("reminder:" + notice.id())).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(admin);
            assertThat(e.action()).isEqualTo("REMINDER_STATUTORY_CANCELLED");
            assertThat(e.before()).contains("CORRECTION_NOTICE_DUE");
            assertThat(e.after()).contains("来信重复登记，已并入另一案件");
        });
    }

    @Test
    void aCustomReminderStaysCancellableByWhoeverKeepsReminders() throws Exception {
        String tag = tag();
        StaffMember member = staff.add("宣传岗" + tag, "宣传科", Set.of(Role.COMMS), "oStaff" + tag, null);
        Reminder custom = reminders.createCustom("周五前报送舆情周报", List.of(member.openid()),
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1));
        assertThat(call(user(Role.COMMS), "DELETE", "/api/reminders/" + custom.id(), null).statusCode()).isEqualTo(204);
        assertThat(reminders.get(custom.id()).orElseThrow().status()).isEqualTo(Reminder.Status.CANCELLED);
    }

    @Test
    void theConsoleOffersAStatutoryCancelToAdministratorsOnlyAndRefusesAForgedOne() throws Exception {
        String trackingNo = registerLetter();
        Reminder notice = reminders.pending(trackingNo).stream()
                .filter(r -> r.kind() == ReminderKind.CORRECTION_NOTICE_DUE).findFirst().orElseThrow();
        ConsoleSession comms = new ConsoleSession(port);
        comms.login(user(Role.COMMS), PASSWORD);
        String page = comms.get("/console/reminders?subject=" + enc(trackingNo)).body();
        String row = page.substring(page.indexOf("id=\"reminder-" + notice.id() + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).doesNotContain("/cancel").contains("法定期限");

        HttpResponse<String> forged = comms.postForm("/console/reminders/" + notice.id() + "/cancel", Map.of());
        String shown = comms.get(forged.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
        assertThat(shown).contains("是法定期限提醒");
        assertThat(reminders.get(notice.id()).orElseThrow().status()).isEqualTo(Reminder.Status.PENDING);

        ConsoleSession admin = new ConsoleSession(port);
        admin.login(user(Role.ADMIN), PASSWORD);
        String adminPage = admin.get("/console/reminders?subject=" + enc(trackingNo)).body();
        String adminRow = adminPage.substring(adminPage.indexOf("id=\"reminder-" + notice.id() + "\""));
        assertThat(adminRow.substring(0, adminRow.indexOf("</tr>"))).contains("/cancel").contains("name=\"reason\"");
        admin.postForm("/console/reminders/" + notice.id() + "/cancel", Map.of("reason", ""));
        assertThat(reminders.get(notice.id()).orElseThrow().status()).isEqualTo(Reminder.Status.PENDING);
        admin.get("/console/reminders");
        admin.postForm("/console/reminders/" + notice.id() + "/cancel", Map.of("reason", "案件已撤回，系统未同步"));
        assertThat(reminders.get(notice.id()).orElseThrow().status()).isEqualTo(Reminder.Status.CANCELLED);
    }

    private String registerLetter() throws Exception {
        HttpResponse<String> created = call(user(Role.ADMIN), "POST", "/api/disclosures", """
                {"applicantType":"CITIZEN","applicantName":"王五","idNumber":"11010519491231002X","phone":"13800138000",
                 "address":"北京市东城区正义路2号院3号楼","email":null,"description":"2025年本区老旧小区改造项目资金安排文件",
                 "form":"PAPER","delivery":"MAIL","channel":"LETTER","receivedOn":"%s"}""".formatted(LocalDate.now(ZONE)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.body().replaceAll(".*\"trackingNo\":\"(YSQ-[0-9-]+)\".*", "$1");
    }

    private String user(Role role) {
        String name = "only-" + role.name().toLowerCase() + "-" + tag();
        accounts.create(name, name, PASSWORD, Set.of(role));
        return name;
    }

    private static String custom(String text, String... recipients) {
        return """
                {"text":"%s","recipients":[%s],"at":"%s"}""".formatted(text,
                String.join(",", java.util.Arrays.stream(recipients).map(r -> "\"" + r + "\"").toList()),
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1));
    }

    private HttpResponse<String> call(String user, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
