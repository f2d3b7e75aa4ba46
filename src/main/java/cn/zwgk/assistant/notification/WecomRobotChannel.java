package cn.zwgk.assistant.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** WeCom (企业微信) group robots: a markdown message posted to the group's webhook URL (the recipient). */
@Component
class WecomRobotChannel implements OutboundChannel {

    static final String NAME = "WECOM_ROBOT";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json;

    WecomRobotChannel(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(OutboundMessage message) throws DeliveryException {
        StaffAlert alert = json.readValue(message.payload(), StaffAlert.class);
        String markdown = "**" + alert.title() + "**\n" + alert.body()
                + (alert.reference() == null ? "" : "\n> 编号：" + alert.reference())
                + (alert.time() == null ? "" : "\n> 时间：" + alert.time());
        String body = json.writeValueAsString(Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown)));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(message.recipient())).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent("invalid WeCom webhook URL");
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw DeliveryException.retry("WeCom robot answered HTTP " + response.statusCode(), null);
            }
            JsonNode answer = json.readTree(response.body());
            int code = answer.path("errcode").asInt(-1);
            if (code != 0) {
                boolean permanent = code == 93000 || code == 40008;
                throw new DeliveryException("WeCom robot error " + code + " " + answer.path("errmsg").asText(), permanent, null);
            }
        } catch (IOException e) {
            throw DeliveryException.retry("WeCom robot unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retry("interrupted", e);
        }
    }
}
