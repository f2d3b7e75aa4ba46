package cn.zwgk.assistant.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.platform.PersonalDataCipher;
import cn.zwgk.assistant.simulator.WechatApiStandIn;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.TestBackends;
import tools.jackson.databind.json.JsonMapper;

/**
 * The link in a reminder's template message: GET shows, POST acknowledges once, as the recipient;
 * forged and expired links acknowledge nothing; an acknowledgement through the link stops the
 * critical reminder's escalation.
 */
@ExtendWith(ExternalBackendCondition.class)
class AckLinkIT {

    private static final String BASE = "https://zwgk.example.gov.cn/";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theTemplateLinkAcknowledgesOnConfirmOnlyOnceAndStopsTheEscalation() throws Exception {
        Map<String, String> props = new java.util.HashMap<>(TestBackends.properties());
        props.put("reminder.public-base-url", BASE);
        props.put("reminder.acknowledge-within", "10s");
        try (AppInstance app = AppInstance.start(props)) {
            app.bean(StaffDirectory.class).add("督办人", "办公室", Set.of(Role.SUPERVISOR), "oBoss", null);
            // reminders reach staff only
            app.bean(StaffDirectory.class).add("承办人甲", "办公室", Set.of(Role.HANDLER), "oLinkA", null);
            app.bean(StaffDirectory.class).add("承办人乙", "办公室", Set.of(Role.HANDLER), "oLinkB", null);
            ReminderService reminders = app.bean(ReminderService.class);
            Instant soon = Instant.now().plusSeconds(2);
            long acked = reminders.replaceForSubject("YSQ-2026-000077", List.of(ReminderKind.DISCLOSURE_DUE),
                    List.of(critical("今日到期：经链接确认", "oLinkA", soon))).get(0);
            long ignored = reminders.replaceForSubject("YSQ-2026-000078", List.of(ReminderKind.DISCLOSURE_DUE),
                    List.of(critical("今日到期：无人确认", "oLinkB", soon))).get(0);

            WechatApiStandIn wechat = app.bean(WechatApiStandIn.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> wechat.sentTo("oLinkA").size() == 1);
            String url = new JsonMapper().readTree(wechat.sentTo("oLinkA").get(0).rawJson()).path("url").asString();
            assertThat(url).startsWith("https://zwgk.example.gov.cn/ack/");
            String path = URI.create(url).getRawPath();

            HttpResponse<String> shown = send(app, "GET", path);
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).contains("确认收到").contains("今日到期：经链接确认").contains("<form method=\"post\"")
                    .doesNotContain("_csrf");
            assertThat(shown.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(reminders.get(acked).orElseThrow().acknowledgedAt()).as("GET acknowledges nothing").isNull();

            HttpResponse<String> confirmed = send(app, "POST", path);
            assertThat(confirmed.statusCode()).isEqualTo(200);
            assertThat(confirmed.body()).contains("已确认收到提醒 " + acked);
            Instant at = reminders.get(acked).orElseThrow().acknowledgedAt();
            assertThat(at).isNotNull();
            assertThat(acknowledgedBy(app, acked)).isEqualTo("oLinkA");

            HttpResponse<String> again = send(app, "POST", path);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("无需重复操作");
            assertThat(reminders.get(acked).orElseThrow().acknowledgedAt()).isEqualTo(at);
            assertThat(send(app, "GET", path).body()).contains("无需重复操作").doesNotContain("<form");

            // the unacknowledged one escalates to the supervisor; the acknowledged one does not
            await().atMost(Duration.ofSeconds(40)).until(() -> escalationStatus(app, acked).equals("FIRED")
                    && escalationStatus(app, ignored).equals("FIRED"));
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(app, escalationId(app, ignored)) == 1);
            assertThat(deliveries(app, escalationId(app, acked))).isZero();
        }
    }

    @Test
    void forgedExpiredAndUnknownLinksAcknowledgeNothing() throws Exception {
        Map<String, String> props = new java.util.HashMap<>(TestBackends.properties());
        props.put("reminder.public-base-url", BASE);
        try (AppInstance app = AppInstance.start(props)) {
            ReminderService reminders = app.bean(ReminderService.class);
            long id = reminders.replaceForSubject("YSQ-2026-000079", List.of(ReminderKind.DISCLOSURE_DUE),
                    List.of(critical("一小时后到期", "oLinkC", Instant.now().plusSeconds(3600)))).get(0);
            AckLinks links = app.bean(AckLinks.class);
            String token = links.token(id, "oLinkC");
            int cut = token.indexOf('.') + 3;
            String tampered = token.substring(0, cut) + (token.charAt(cut) == 'x' ? 'y' : 'x') + token.substring(cut + 1);
            byte[] key = app.bean(PersonalDataCipher.class).derivedKey(AckLinks.KEY_PURPOSE);
            String expired = new AckLinks(key, BASE, Duration.ofDays(7),
                    Clock.fixed(Instant.now().minus(Duration.ofDays(8)), ZoneOffset.UTC)).token(id, "oLinkC");

            for (String method : List.of("GET", "POST")) {
                HttpResponse<String> forged = send(app, method, AckLinks.PATH + tampered);
                assertThat(forged.statusCode()).isEqualTo(400);
                assertThat(forged.body()).contains("链接无效");
                HttpResponse<String> old = send(app, method, AckLinks.PATH + expired);
                assertThat(old.statusCode()).isEqualTo(410);
                assertThat(old.body()).contains("链接已过期").contains("收到 " + id);
                assertThat(send(app, method, AckLinks.PATH + links.token(id + 1000, "oLinkC")).statusCode()).isEqualTo(404);
            }
            assertThat(reminders.get(id).orElseThrow().acknowledgedAt()).isNull();
            // the same link, untouched, works: the refusals above were about the token
            assertThat(send(app, "POST", AckLinks.PATH + token).statusCode()).isEqualTo(200);
            assertThat(reminders.get(id).orElseThrow().acknowledgedAt()).isNotNull();
        }
    }

    private static PlannedReminder critical(String text, String openid, Instant at) {
        return new PlannedReminder(ReminderKind.DISCLOSURE_DUE, "依申请公开答复期限提醒", text, List.of(openid), at, true);
    }

    private HttpResponse<String> send(AppInstance app, String method, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if ("POST".equals(method)) {
            // as the page's form posts it: a browser form with no fields
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String acknowledgedBy(AppInstance app, long id) {
        return jdbc(app).sql("select acknowledged_by from reminder where id = ?").param(id).query(String.class).single();
    }

    private static long escalationId(AppInstance app, long id) {
        return jdbc(app).sql("select id from reminder where escalates_id = ?").param(id).query(Long.class).single();
    }

    private static String escalationStatus(AppInstance app, long id) {
        return jdbc(app).sql("select status from reminder where escalates_id = ?").param(id).query(String.class)
                .optional().orElse("NONE");
    }

    private static int deliveries(AppInstance app, long reminderId) {
        return jdbc(app).sql("select count(*) from outbox_message where delivery_key like ?")
                .param("staff:reminder:" + reminderId + ":%").query(Integer.class).single();
    }

    private static JdbcClient jdbc(AppInstance app) {
        return app.bean(JdbcClient.class);
    }
}
