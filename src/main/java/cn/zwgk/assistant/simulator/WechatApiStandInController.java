package cn.zwgk.assistant.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zwgk.assistant.simulator.WechatApiStandIn.Api;
import cn.zwgk.assistant.wechat.WechatClients;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The WeChat HTTP API as WxJava calls it, under {@link WechatClients#LOCAL_STAND_IN_PATH}. Like
 * the real API it always answers HTTP 200 with a JSON body carrying {@code errcode}.
 */
@RestController
@RequestMapping(WechatClients.LOCAL_STAND_IN_PATH)
@ConditionalOnBooleanProperty("simulator.enabled")
class WechatApiStandInController {

    private static final String CLIENT_CREDENTIAL = "client_credential";

    private final WechatApiStandIn standIn;
    private final ObjectMapper json;

    WechatApiStandInController(WechatApiStandIn standIn, ObjectMapper json) {
        this.standIn = standIn;
        this.json = json;
    }

    @GetMapping("/cgi-bin/token")
    ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
                                              @RequestParam(required = false) String appid,
                                              @RequestParam(required = false) String secret) {
        if (!CLIENT_CREDENTIAL.equals(grantType)) {
            return answer(WechatErrors.error(WechatErrors.INVALID_GRANT_TYPE));
        }
        return answer(grant(standIn.tokens().grant(appid, secret, false)));
    }

    @PostMapping("/cgi-bin/stable_token")
    ResponseEntity<Map<String, Object>> stableToken(@RequestBody(required = false) byte[] body) {
        JsonNode request = parse(body);
        if (request == null) {
            return answer(WechatErrors.error(WechatErrors.DATA_FORMAT_ERROR));
        }
        if (!CLIENT_CREDENTIAL.equals(request.path("grant_type").asString(""))) {
            return answer(WechatErrors.error(WechatErrors.INVALID_GRANT_TYPE));
        }
        boolean force = request.path("force_refresh").asBoolean(false);
        return answer(grant(standIn.tokens().grant(request.path("appid").asString(null),
                request.path("secret").asString(null), !force)));
    }

    @PostMapping("/cgi-bin/message/custom/send")
    ResponseEntity<Map<String, Object>> customerService(@RequestParam(name = "access_token", required = false) String token,
                                                        @RequestBody(required = false) byte[] body) {
        return send(Api.CUSTOMER_SERVICE, token, body);
    }

    @PostMapping("/cgi-bin/message/custom/typing")
    ResponseEntity<Map<String, Object>> typing(@RequestParam(name = "access_token", required = false) String token,
                                               @RequestBody(required = false) byte[] body) {
        String appId = token == null ? null : standIn.tokens().appIdFor(token).orElse(null);
        JsonNode request = parse(body);
        if (appId == null || request == null) {
            return answer(WechatErrors.error(appId == null ? WechatErrors.INVALID_CREDENTIAL : WechatErrors.DATA_FORMAT_ERROR));
        }
        return answer(standIn.typing(appId, SentMessageReader.toUser(Api.TYPING, request),
                SentMessageReader.content(Api.TYPING, request)));
    }

    @PostMapping("/cgi-bin/message/template/send")
    ResponseEntity<Map<String, Object>> template(@RequestParam(name = "access_token", required = false) String token,
                                                 @RequestBody(required = false) byte[] body) {
        return send(Api.TEMPLATE, token, body);
    }

    @PostMapping("/cgi-bin/message/subscribe/bizsend")
    ResponseEntity<Map<String, Object>> subscribe(@RequestParam(name = "access_token", required = false) String token,
                                                  @RequestBody(required = false) byte[] body) {
        return send(Api.SUBSCRIBE, token, body);
    }

    @PostMapping("/cgi-bin/menu/create")
    ResponseEntity<Map<String, Object>> menu(@RequestParam(name = "access_token", required = false) String token,
                                             @RequestBody(required = false) byte[] body) {
        return send(Api.MENU, token, body);
    }

    /** Any other API: the stand-in does not offer it. */
    @RequestMapping("/**")
    ResponseEntity<Map<String, Object>> other(@RequestParam(name = "access_token", required = false) String token) {
        if (token != null && standIn.tokens().appIdFor(token).isEmpty()) {
            return answer(WechatErrors.error(WechatErrors.INVALID_CREDENTIAL));
        }
        return answer(WechatErrors.error(WechatErrors.API_UNAUTHORIZED));
    }

    private ResponseEntity<Map<String, Object>> send(Api api, String token, byte[] body) {
        if (token == null || token.isBlank()) {
            return answer(WechatErrors.error(WechatErrors.ACCESS_TOKEN_MISSING));
        }
        String appId = standIn.tokens().appIdFor(token).orElse(null);
        if (appId == null) {
            return answer(WechatErrors.error(WechatErrors.INVALID_CREDENTIAL));
        }
        JsonNode request = parse(body);
        if (request == null || !request.isObject()) {
            return answer(WechatErrors.error(WechatErrors.DATA_FORMAT_ERROR));
        }
        return answer(standIn.deliver(api, appId, SentMessageReader.toUser(api, request),
                SentMessageReader.content(api, request), new String(body, StandardCharsets.UTF_8)));
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Map<String, Object> grant(StandInTokens.Grant grant) {
        if (!grant.granted()) {
            return WechatErrors.error(grant.errcode());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", grant.token());
        answer.put("expires_in", grant.expiresIn());
        return answer;
    }

    private static ResponseEntity<Map<String, Object>> answer(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
