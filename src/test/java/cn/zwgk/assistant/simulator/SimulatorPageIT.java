package cn.zwgk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator page and its send API, against the running application and its real webhook. */
@IntegrationTest
class SimulatorPageIT {

    private static final String CITY = "wx5f8e2d1c0b9a7e01";
    private static final String DISTRICT = "wx3a4b5c6d7e8f9a02";

    @LocalServerPort
    int port;

    @Autowired
    Texts texts;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void pageOffersEveryAccountAndTheMenuButNoSecrets() throws Exception {
        HttpResponse<String> page = get("/simulator");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("示例市政务公开", "示例区政务公开", CITY, DISTRICT)
                .contains("data-key=\"POLICY_QA\"", "data-key=\"DISCLOSURE_APPLY\"", "data-key=\"PROGRESS_QUERY\"")
                .contains("政策问答", "依申请公开", "进度查询", "客服消息")
                .doesNotContain("local-dev-token", "local-dev-secret", "district-dev-secret",
                        "endnay1sb2NhbC1kZXYtZW5jb2RpbmctYWVzLWtleSE");
        assertThat(get("/simulator/assets/simulator.js").statusCode()).isEqualTo(200);
        assertThat(get("/simulator/assets/simulator.css").statusCode()).isEqualTo(200);
    }

    @Test
    void rootLeadsToTheSimulator() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/simulator"));
    }

    @Test
    void greetingGetsAPassiveReply() throws Exception {
        JsonNode result = send(CITY, openid(), "text", "你好", null, false);

        assertThat(result.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(result.path("attempts").asInt()).isEqualTo(1);
        assertThat(result.path("reply").asString()).contains("您好");
        assertThat(result.path("requestXml").asString()).contains("<MsgType><![CDATA[text]]></MsgType>");
    }

    @Test
    void greetingInSafeModeIsEncryptedBothWays() throws Exception {
        JsonNode result = send(CITY, openid(), "text", "你好", null, true);

        assertThat(result.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(result.path("error").isNull()).isTrue();
        assertThat(result.path("reply").asString()).contains("您好");
        assertThat(result.path("rawResponse").asString()).contains("<Encrypt>").doesNotContain("您好");
        assertThat(result.path("replyXml").asString()).contains("您好");
    }

    @Test
    void eventsAndOtherMessageTypesReachTheConversation() throws Exception {
        String user = openid();
        assertThat(send(CITY, user, "subscribe", null, null, false).path("reply").asString())
                .contains(texts.get("conversation.welcome").lines().findFirst().orElseThrow());
        assertThat(send(CITY, user, "click", null, "POLICY_QA", false).path("reply").asString())
                .isEqualTo(texts.get("conversation.menu.policy"));
        assertThat(send(CITY, user, "voice", "你好", null, false).path("reply").asString()).contains("您好");
        assertThat(send(CITY, user, "image", null, null, false).path("reply").asString())
                .isEqualTo(texts.get("conversation.text-only"));
        JsonNode unsubscribe = send(CITY, user, "unsubscribe", null, null, false);
        assertThat(unsubscribe.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(unsubscribe.path("reply").isNull()).as("success, no passive reply").isTrue();
        assertThat(unsubscribe.path("error").isNull()).isTrue();
    }

    @Test
    void theSecondAccountIsServedToo() throws Exception {
        assertThat(send(DISTRICT, openid(), "text", "你好", null, false).path("reply").asString()).contains("您好");
    }

    @Test
    void badRequestsAreRefused() throws Exception {
        assertThat(post("/simulator/api/send", body("wxUnknown", openid(), "text", "你好", null, false)).statusCode())
                .isEqualTo(400);
        assertThat(post("/simulator/api/send", body(DISTRICT, openid(), "text", "你好", null, true)).statusCode())
                .as("the district account has no EncodingAESKey").isEqualTo(400);
        assertThat(post("/simulator/api/send", body(CITY, "o<script>", "text", "你好", null, false)).statusCode())
                .isEqualTo(400);
        assertThat(post("/simulator/api/send", body(CITY, openid(), "location", null, null, false)).statusCode())
                .isEqualTo(400);
    }

    private static String openid() {
        return "oSimIT" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private JsonNode send(String appId, String openid, String type, String text, String key, boolean encrypt)
            throws Exception {
        HttpResponse<String> response = post("/simulator/api/send", body(appId, openid, type, text, key, encrypt));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String body(String appId, String openid, String type, String text, String key, boolean encrypt) {
        var node = json.createObjectNode().put("appId", appId).put("openid", openid).put("type", type)
                .put("text", text).put("eventKey", key).put("encrypt", encrypt);
        return json.writeValueAsString(node);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
