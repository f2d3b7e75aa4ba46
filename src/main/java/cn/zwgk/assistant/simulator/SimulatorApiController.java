package cn.zwgk.assistant.simulator;

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

/** The simulator page's JSON API: push a user action through the emulator, read what the stand-in caught. */
@RestController
@RequestMapping("/simulator/api")
@ConditionalOnBooleanProperty("simulator.enabled")
class SimulatorApiController {

    private static final int MAX_TEXT = 2000;

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

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    /** The page's request: {@code type} is text, subscribe, unsubscribe, click, voice or image. */
    record SendRequest(String appId, String openid, String type, String text, String eventKey, Boolean encrypt) {
    }
}
