package cn.zwgk.assistant.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

@IntegrationTest
class StaffBindingIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void staffAreAddedOverTheApiAndBindTheirWechatWithAOneTimeCode() throws Exception {
        HttpResponse<String> created = api("POST", "/api/staff",
                "{\"name\":\"王主任\",\"roles\":[\"supervisor\",\"HANDLER\"],\"openid\":null,\"department\":\"办公室\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("王主任").contains("SUPERVISOR").contains("HANDLER");
        long id = directory.all().stream().filter(m -> m.name().equals("王主任")).findFirst().orElseThrow().id();

        HttpResponse<String> code = api("POST", "/api/staff/" + id + "/binding-code", "");
        assertThat(code.statusCode()).isEqualTo(200);
        String digits = code.body().replaceAll(".*\"code\":\"(\\d{6})\".*", "$1");
        assertThat(digits).matches("\\d{6}");

        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        String reply = send(wechat, "oStaffWang", "绑定 " + digits);
        assertThat(reply).contains("绑定成功").contains("王主任");
        assertThat(directory.byOpenid("oStaffWang")).get().extracting(StaffMember::id).isEqualTo(id);

        String reused = send(wechat, "oSomeoneElse", "绑定 " + digits);
        assertThat(reused).contains("绑定码无效");
        assertThat(directory.byOpenid("oSomeoneElse")).isEmpty();

        assertThat(api("GET", "/api/staff", null).body()).contains("oStaffWang");
    }

    @Test
    void badStaffRequestsGetAClearError() throws Exception {
        HttpResponse<String> noRole = api("POST", "/api/staff", "{\"name\":\"李四\",\"roles\":[]}");
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(noRole.body()).contains("role");
        HttpResponse<String> badRole = api("POST", "/api/staff", "{\"name\":\"李四\",\"roles\":[\"KING\"]}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("KING");
        HttpResponse<String> unauthenticated = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/staff")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
    }

    @Test
    void staffCommandsFromUnboundAccountsAreRefused() {
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        assertThat(send(wechat, "oCitizen9", "口径 #1 测试")).contains("仅限已绑定");
        assertThat(send(wechat, "oCitizen9", "绑定 12345x")).contains("绑定码无效");
    }

    private String send(WechatTestClient wechat, String openid, String text) {
        HttpResponse<String> response = wechat.postPlain(wechat.textXml(openid, text, WechatTestClient.nextMsgId()));
        assertThat(response.statusCode()).isEqualTo(200);
        return WechatTestClient.extract(response.body(), "Content");
    }

    private HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
