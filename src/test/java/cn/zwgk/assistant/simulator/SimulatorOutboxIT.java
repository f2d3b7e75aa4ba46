package cn.zwgk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxEntry;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.simulator.WechatApiStandIn.Api;
import cn.zwgk.assistant.simulator.WechatApiStandIn.SentMessage;
import cn.zwgk.assistant.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customer-service messages leave through the outbox and WxJava's real HTTP calls (token, then
 * custom/send) and land in the stand-in, which the simulator page reads.
 */
@IntegrationTest
@TestPropertySource(properties = "notification.outbox.first-backoff=100ms")
class SimulatorOutboxIT {

    private static final String CITY = "wx5f8e2d1c0b9a7e01";

    @LocalServerPort
    int port;

    @Autowired
    WechatServerEmulator emulator;

    @Autowired
    WechatApiStandIn standIn;

    @Autowired
    OutboxService outbox;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void customerServiceMessageReachesTheStandInAndThePage() throws Exception {
        String openid = openid();
        assertThat(emulator.send(EmulatedMessage.text(CITY, openid, "你好")).reply()).contains("您好");
        String key = "sim-cs-" + openid;

        assertThat(outbox.enqueue(OutboundMessage.customerService(key, CITY, openid, "您的申请已受理，受理编号 YSQ-1"))).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> !standIn.sentTo(openid).isEmpty());
        SentMessage sent = standIn.sentTo(openid).get(0);
        assertThat(sent.api()).isEqualTo(Api.CUSTOMER_SERVICE);
        assertThat(sent.appId()).isEqualTo(CITY);
        assertThat(sent.content()).isEqualTo("您的申请已受理，受理编号 YSQ-1");
        assertThat(sent.rawJson()).contains("\"touser\"", "\"msgtype\"", "\"text\"");
        assertThat(JsonMapper.builder().build().readTree(get("/simulator/api/stand-in")).path("tokenRequests").asInt())
                .as("WxJava asked the stand-in for a token").isPositive();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> outbox.find(key).map(OutboxEntry::status).orElseThrow() == OutboxEntry.Status.SENT);

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/simulator/api/messages?openid=" + openid)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode messages = JsonMapper.builder().build().readTree(page.body());
        assertThat(messages.size()).isEqualTo(1);
        assertThat(messages.get(0).path("api").asString()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(messages.get(0).path("content").asString()).isEqualTo("您的申请已受理，受理编号 YSQ-1");
        assertThat(messages.get(0).path("toUser").asString()).isEqualTo(openid);
    }

    @Test
    void whenWechatIsBusyTheOutboxRetriesAndTheMessageArrivesOnce() throws Exception {
        String openid = openid();
        assertThat(emulator.send(EmulatedMessage.text(CITY, openid, "你好")).reply()).contains("您好");
        String key = "sim-busy-" + openid;
        // as a developer does on the simulator's API: the next two sends meet "system busy"
        assertThat(post("/simulator/api/faults", "{\"failNext\":2}")).contains("\"tokenRequests\"");

        outbox.enqueue(OutboundMessage.customerService(key, CITY, openid, "系统繁忙后的答复"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> outbox.find(key).map(OutboxEntry::status).orElseThrow() == OutboxEntry.Status.SENT);
        OutboxEntry entry = outbox.find(key).orElseThrow();
        assertThat(entry.attempts()).as("the first attempt met the busy API").isGreaterThanOrEqualTo(2);
        assertThat(standIn.sentTo(openid)).extracting(SentMessage::content).containsExactly("系统繁忙后的答复");
    }

    @Test
    void faultsOutsideTheirBoundsAreRefusedWithAReason() throws Exception {
        for (String body : List.of("{\"failNext\":1,\"errcode\":0}", "{\"failNext\":101}",
                "{\"delayNext\":1,\"delayMillis\":60001}", "{\"delayNext\":1}")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/simulator/api/faults")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.body()).as(body).contains("\"error\"");
        }
    }

    @Test
    void tokenEndpointChecksCredentialsAndSendsNeedAValidToken() throws Exception {
        String base = "/simulator/wx-api/cgi-bin/token?grant_type=client_credential&appid=";
        assertThat(get(base + CITY + "&secret=local-dev-secret")).contains("\"access_token\"", "\"expires_in\":7200");
        assertThat(get(base + CITY + "&secret=wrong")).contains("\"errcode\":40125");
        assertThat(get(base + "wxNobody&secret=local-dev-secret")).contains("\"errcode\":40013");
        HttpResponse<String> send = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/simulator/wx-api/cgi-bin/message/custom/send?access_token=forged"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"touser\":\"o1\",\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}"))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(send.statusCode()).as("WeChat answers errors with HTTP 200").isEqualTo(200);
        assertThat(send.body()).contains("\"errcode\":40001");
        assertThat(standIn.sentTo("o1")).isEmpty();
    }

    @Test
    void stableTokenIsKeptUntilARefreshIsForced() throws Exception {
        String request = "{\"grant_type\":\"client_credential\",\"appid\":\"" + CITY
                + "\",\"secret\":\"local-dev-secret\",\"force_refresh\":%s}";
        String first = stableToken(request.formatted("false"));
        assertThat(first).isNotBlank();
        assertThat(stableToken(request.formatted("false"))).isEqualTo(first);
        assertThat(stableToken(request.formatted("true"))).isNotEqualTo(first);
        String missingSecret = post("/simulator/wx-api/cgi-bin/stable_token",
                "{\"grant_type\":\"client_credential\",\"appid\":\"" + CITY + "\"}");
        assertThat(missingSecret).contains("\"errcode\":40125");
    }

    private String stableToken(String body) throws Exception {
        return JsonMapper.builder().build().readTree(post("/simulator/wx-api/cgi-bin/stable_token", body))
                .path("access_token").asString("");
    }

    private String post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String openid() {
        return "oSimOut" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
