package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.zwgk.assistant.support.AdminApi;
import cn.zwgk.assistant.support.AppProcess;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.FakeWechatApi;
import cn.zwgk.assistant.support.PostgresCluster;
import cn.zwgk.assistant.support.TestBackends;
import cn.zwgk.assistant.support.TestChannelConfig;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * PostgreSQL restarted under the application (issue 7/7): requests fail fast while it is down,
 * everything recovers by itself, nothing is lost. The application runs in its own JVM on the
 * external PostgreSQL, whose local cluster this test stops and starts ({@link PostgresCluster}: it
 * needs {@code -Dit.pgRestart="15 main"}, which {@code .ci/run} passes, and runs in a Failsafe
 * execution of its own after every other test). Result recorded in docs/operations.md.
 */
@ExtendWith(ExternalBackendCondition.class)
class PostgresRestartIT {

    private static final Pattern TRACKING_NO = Pattern.compile("YSQ-\\d{4}-\\d{6}");
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PostgresCluster postgres = new PostgresCluster();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestsFailFastDuringTheOutageAndEverythingResumesAfterIt() throws Exception {
        try (FakeWechatApi api = FakeWechatApi.start()) {
            Map<String, String> props = new LinkedHashMap<>(TestBackends.properties());
            props.put("platform.channel-config-dir", TestChannelConfig.dir());
            props.put("wechat.api-base-url", api.baseUrl());
            props.put("notification.outbox.poll-interval", "500ms");
            String run = UUID.randomUUID().toString().substring(0, 6);
            String staff = "oPgStaff" + run;
            String citizen = "oPgCitizen" + run;
            try (AppProcess app = AppProcess.start(props)) {
                AdminApi admin = new AdminApi(app.port());
                WechatTestClient wechat = WechatTestClient.defaultAccount(app.port());
                admin.post("/api/staff", """
                        {"name":"值班员","roles":["HANDLER"],"openid":"%s"}""".formatted(staff));
                // a reminder that falls due in the middle of the outage, one after it
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
                admin.post("/api/reminders", reminder("库停期间到期 " + run, staff, now.plusSeconds(15)));
                admin.post("/api/reminders", reminder("库恢复之后到期 " + run, staff, now.plusSeconds(OUTAGE.toSeconds() + 40)));
                assertThat(deliver(wechat, citizen, "我要申请公开2025年本区老旧小区改造项目的资金安排文件").text()).isNotBlank();
                assertThat(deliver(wechat, citizen, "公民").text()).contains("姓名");

                long down = System.nanoTime();
                List<Delivery> during = new ArrayList<>();
                HttpResponse<String> health;
                try {
                    postgres.stop();
                    during.add(deliver(wechat, citizen, "我叫吴九，电话13800138000"));
                    during.add(deliver(wechat, "oPgOther" + run, "你好"));
                    during.add(deliver(wechat, "oPgOther" + run, "查询进度"));
                    long t = System.nanoTime();
                    health = get(app.port(), "/actuator/health");
                    long healthMillis = (System.nanoTime() - t) / 1_000_000;
                    t = System.nanoTime();
                    HttpResponse<String> staffApi = get(app.port(), "/api/reminders");
                    long apiMillis = (System.nanoTime() - t) / 1_000_000;
                    System.out.printf("during the outage: webhook %s; health %d in %d ms; staff API %d in %d ms%n",
                            during, health.statusCode(), healthMillis, staffApi.statusCode(), apiMillis);
                    assertThat(health.statusCode()).isEqualTo(503);
                    assertThat(healthMillis).isLessThan(10_000);
                    assertThat(staffApi.statusCode()).as("the staff API says: unavailable, retry (not: wrong password)").isEqualTo(503);
                    assertThat(apiMillis).isLessThan(10_000);
                    // the database stays down for the whole outage
                    await().atMost(OUTAGE.plusSeconds(5)).until(() -> System.nanoTime() - down >= OUTAGE.toNanos());
                } finally {
                    postgres.startIfStopped();
                }
                long upAgain = System.nanoTime();
                // no attempt failed (-1: held past WeChat's 5 s so that WeChat retries, as designed), and within
                // WeChat's retries the user got a text: the answer, or the busy text
                assertThat(during).allSatisfy(d -> {
                    assertThat(d.statuses()).isSubsetOf(200, -1).contains(200);
                    assertThat(d.text()).isNotBlank();
                    assertThat(d.totalMillis()).isLessThan(20_000);
                });

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> get(app.port(), "/actuator/health").statusCode() == 200);
                System.out.printf("health UP %.1f s after PostgreSQL started%n", (System.nanoTime() - upAgain) / 1e9);

                // the dialog goes on from what the database kept: the answer sent during the outage is asked for again
                String next = deliver(wechat, citizen, "我叫吴九，电话13800138000").text();
                // the dialog goes on from its draft; what it echoes is masked
                assertThat(next).contains("吴*", "138****8000").doesNotContain("13800138000");
                deliver(wechat, citizen, "11010519491231002X 电子 网上获取");
                String done = deliver(wechat, citizen, "确认").text();
                Matcher no = TRACKING_NO.matcher(done);
                assertThat(no.find()).as(done).isTrue();
                assertThat(admin.get("/api/disclosures/" + no.group())).contains("吴九");

                // both reminders delivered, once each; nothing left in the outbox
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> api.templatesTo(staff).size() >= 2);
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                        .until(() -> api.templatesTo(staff).size() == 2);
                assertThat(api.templatesTo(staff)).hasSize(2);
                assertThat(api.templatesTo(staff)).extracting(FakeWechatApi.TemplateMessage::rawJson)
                        .anySatisfy(json -> assertThat(json).contains("库停期间到期"))
                        .anySatisfy(json -> assertThat(json).contains("库恢复之后到期"));
                await().atMost(Duration.ofSeconds(30)).until(() -> count(props,
                        "select count(*) from outbox_message where status <> 'SENT'") == 0);
                assertThat(app.log()).doesNotContain("APPLICATION FAILED");
            }
        }
    }

    private static String reminder(String text, String openid, OffsetDateTime at) {
        return """
                {"text":"%s","recipients":["%s"],"at":"%s"}""".formatted(text, openid, at);
    }

    /** One message as WeChat delivers it: the same MsgId up to 4 times, 5 s each, until a reply has content. */
    private static Delivery deliver(WechatTestClient wechat, String openid, String text) {
        long msgId = WechatTestClient.nextMsgId();
        List<Integer> statuses = new ArrayList<>();
        long start = System.nanoTime();
        for (int attempt = 1; attempt <= 4; attempt++) {
            Optional<HttpResponse<String>> response = wechat.postPlainWithin(wechat.textXml(openid, text, msgId),
                    Duration.ofSeconds(5));
            statuses.add(response.map(HttpResponse::statusCode).orElse(-1));
            String content = response.filter(r -> r.statusCode() == 200)
                    .map(r -> WechatTestClient.extract(r.body(), "Content")).orElse(null);
            if (content != null && !content.isBlank()) {
                return new Delivery(text, statuses, (System.nanoTime() - start) / 1_000_000, content);
            }
        }
        return new Delivery(text, statuses, (System.nanoTime() - start) / 1_000_000, "");
    }

    record Delivery(String sent, List<Integer> statuses, long totalMillis, String text) {
        @Override
        public String toString() {
            return "\"" + sent + "\" → " + statuses + " in " + totalMillis + " ms: "
                    + text.substring(0, Math.min(24, text.length())).replace('\n', ' ');
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic YWRtaW46YWRtaW4=").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Map<String, String> props, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(props.get("spring.datasource.url"),
                props.get("spring.datasource.username"), ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
