package cn.zwgk.assistant.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zwgk.assistant.simulator.WechatApiStandIn.SentMessage;

/**
 * The simulator page's JSON API: push a user action through the emulator, read what the stand-in
 * caught, and make the stand-in misbehave as WeChat's API does (busy, slow, a token gone) to watch
 * the outbox retry.
 */
@RestController
@RequestMapping("/simulator/api")
@ConditionalOnBooleanProperty("simulator.enabled")
class SimulatorApiController {

    private static final int MAX_TEXT = 2000;
    private static final int MAX_FAULTS = 100;
    private static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private final WechatServerEmulator emulator;
    private final WechatApiStandIn standIn;

    SimulatorApiController(WechatServerEmulator emulator, WechatApiStandIn standIn) {
        this.emulator = emulator;
        this.standIn = standIn;
    }

    @PostMapping("/send")
    EmulatorResult send(@RequestBody SendRequest request) {
        if (request.text() != null && request.text().length() > MAX_TEXT) {
            throw new IllegalArgumentException("text longer than " + MAX_TEXT + " characters");
        }
        return emulator.send(new EmulatedMessage(request.appId(), request.openid(),
                EmulatedMessage.Type.parse(request.type()), request.text(), request.eventKey(),
                Boolean.TRUE.equals(request.encrypt())));
    }

    /** Messages the stand-in accepted for the openid (and account), newer than {@code after}. */
    @GetMapping("/messages")
    List<SentMessage> messages(@RequestParam String openid, @RequestParam(required = false) String appId,
                               @RequestParam(defaultValue = "0") long after) {
        return standIn.sentTo(openid).stream()
                .filter(m -> appId == null || appId.isBlank() || appId.equals(m.appId()))
                .filter(m -> m.id() > after)
                .toList();
    }

    /**
     * Faults for the next sends: {@code failNext} sends answered with {@code errcode} (default -1,
     * "system busy"), {@code delayNext} sends answered after {@code delayMillis}, and with
     * {@code expireTokens} every access token issued so far made invalid (the next send gets 40001).
     */
    @PostMapping("/faults")
    Map<String, Object> faults(@RequestBody FaultRequest request) {
        if (request.failNext() != null) {
            standIn.failNext(count(request.failNext()), request.errcode() == null ? -1 : request.errcode());
        }
        if (request.delayNext() != null) {
            long millis = request.delayMillis() == null ? 0 : request.delayMillis();
            if (millis < 1 || millis > MAX_DELAY.toMillis()) {
                throw new IllegalArgumentException("delayMillis must be 1.." + MAX_DELAY.toMillis());
            }
            standIn.delayNext(count(request.delayNext()), Duration.ofMillis(millis));
        }
        if (Boolean.TRUE.equals(request.expireTokens())) {
            standIn.expireTokens();
        }
        return standIn();
    }

    /** What the stand-in has seen: access tokens asked for and messages accepted. */
    @GetMapping("/stand-in")
    Map<String, Object> standIn() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("tokenRequests", standIn.tokenRequests());
        state.put("sent", standIn.sent().size());
        return state;
    }

    private static int count(int n) {
        if (n < 0 || n > MAX_FAULTS) {
            throw new IllegalArgumentException("a fault count must be 0.." + MAX_FAULTS);
        }
        return n;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    /** The page's request: {@code type} is text, subscribe, unsubscribe, click, voice or image. */
    record SendRequest(String appId, String openid, String type, String text, String eventKey, Boolean encrypt) {
    }

    /** Faults for the stand-in; absent fields change nothing. */
    record FaultRequest(Integer failNext, Integer errcode, Integer delayNext, Long delayMillis, Boolean expireTokens) {
    }
}
