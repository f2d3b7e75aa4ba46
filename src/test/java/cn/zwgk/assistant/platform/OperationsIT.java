package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.ScriptedHandler;
import cn.zwgk.assistant.support.WechatTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health, metrics and the staff API's authentication, as monitoring and staff see them. */
class OperationsIT extends ChannelIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    /** The management server's port (every actuator endpoint; loopback only by default). */
    @LocalManagementPort
    int managementPort;

    @Test
    void healthShowsDatabaseAndRedisUp() throws Exception {
        // 503 OUT_OF_SERVICE only while the knowledge base loads after the start (KnowledgeReadinessIT)
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> get("/actuator/health", null).statusCode() == 200);
        HttpResponse<String> response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("redis").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesTheChannelMetricsAfterTraffic() throws Exception {
        WechatTestClient city = city();
        String openid = newOpenid("metrics");
        // A message and its retry (a dedupe hit).
        String xml = city.textXml(openid, "你好", WechatTestClient.nextMsgId());
        city.postPlain(xml);
        city.postPlain(xml);
        // Four concurrent deliveries of a message whose answer comes after the last one gave up:
        // the answer goes out asynchronously, through the outbox.
        String id = "metrics-" + WechatTestClient.nextMsgId();
        long msgId = WechatTestClient.nextMsgId();
        String late = city.textXml(openid, ScriptedHandler.script(id, true), msgId);
        var deliveries = java.util.stream.IntStream.range(0, 4).mapToObj(i -> new Thread(() -> city.postPlain(late)))
                .peek(Thread::start).toList();
        for (Thread delivery : deliveries) {
            delivery.join();
        }
        ScriptedHandler.open(id);
        awaitSettled("reply:" + city.appId() + ":" + msgId);

        HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(scraped.statusCode()).isEqualTo(200);
        String metrics = scraped.body();
        assertThat(metrics).contains("wechat_messages_total{")
                .contains("wechat_reply_latency_seconds_bucket{")
                .contains("wechat_dedupe_hits_total")
                .contains("wechat_deliveries_async_total{")
                .contains("outbox_deliveries_total{");
        assertThat(metrics).containsPattern("wechat_messages_total\\{[^}]*kind=\"text\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("outbox_deliveries_total\\{[^}]*channel=\"" + OutboundMessage.CUSTOMER_SERVICE
                + "\"[^}]*result=\"sent\"[^}]*} [1-9]");
    }

    @Test
    void staffApiWithoutCredentialsIsUnauthorized() throws Exception {
        assertThat(get("/api/anything", null).statusCode()).isEqualTo(401);
    }

    @Test
    void staffApiWithAWrongPasswordIsUnauthorized() throws Exception {
        assertThat(get("/api/anything", basic("admin", "wrong")).statusCode()).isEqualTo(401);
    }

    @Test
    void staffApiWithTheAdminCredentialsIsLetIn() throws Exception {
        HttpResponse<String> response = get("/api/reminders", basic("admin", "admin"));
        assertThat(response.statusCode()).isNotIn(401, 403);
    }

    @Test
    void anythingElseIsDenied() throws Exception {
        assertThat(get("/actuator/env", null).statusCode()).isIn(401, 403);
    }

    @Test
    void onTheApplicationsPortTheActuatorAnswersHealthAloneMetricsOnlyOnTheManagementPort() throws Exception {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator/metrics", "/actuator"}) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, basic("admin", "admin")).statusCode()).as(path + " as admin").isEqualTo(403);
        }
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
