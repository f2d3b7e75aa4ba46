package cn.zwgk.assistant.wechat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zwgk.assistant.conversation.InboundMessage;

/**
 * The webhook WeChat calls. {@link WebhookGuard} has checked the request (account, signature,
 * replay window, body size, replayed query string) and left it as a {@link CheckedRequest}; here
 * {@link InboundEnvelope} opens the body (the account's mode, the XML without DTDs, decryption, the
 * addressee: 400 or 403), {@link ReplyCoordinator} deduplicates and answers it, and
 * {@link ReplyEncoder} writes the passive reply. Both mappings require the {@link CheckedRequest}
 * attribute, so a request that did not pass the guard is never handled (400).
 */
@RestController
@RequestMapping("/wechat/portal/{appId}")
class WechatPortalController {

    private static final Logger log = LoggerFactory.getLogger(WechatPortalController.class);
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    private final ReplyCoordinator coordinator;
    private final ReplyEncoder encoder;
    private final WechatMetrics metrics;
    private final Duration inlineWait;
    private final Clock clock;

    WechatPortalController(WechatProperties properties, ReplyCoordinator coordinator, ReplyEncoder encoder,
                           WechatMetrics metrics, Clock clock) {
        this.coordinator = coordinator;
        this.encoder = encoder;
        this.metrics = metrics;
        this.inlineWait = properties.inlineWait();
        this.clock = clock;
    }

    /** The URL check: {@link WebhookGuard} checked its signature; the answer is {@code echostr}. */
    @GetMapping(produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> verifyUrl(@RequestAttribute(CheckedRequest.ATTRIBUTE) CheckedRequest checked,
                                     @RequestParam(required = false) String echostr) {
        return ResponseEntity.ok(echostr == null ? "" : echostr);
    }

    /**
     * Answers on the request thread when the answer is ready within {@code wechat.inline-wait} (a
     * greeting, a menu text), writing the response itself and returning {@code null}, which Spring
     * MVC takes as "handled". Otherwise it returns the pending reply and the request goes
     * asynchronous, freeing the thread; the async dispatch runs the filter chain and the dispatcher
     * a second time, which for quick answers costs more than the answer itself.
     */
    @PostMapping
    CompletableFuture<ResponseEntity<String>> receive(@RequestAttribute(CheckedRequest.ATTRIBUTE) CheckedRequest push,
                                                      HttpServletResponse response) throws IOException {
        InboundMessage message = InboundEnvelope.open(push.account(), push.body(), push.encrypted(),
                push.timestamp(), push.nonce(), push.msgSignature(), clock);
        metrics.received(message);
        // unchecked against replays (Redis unreachable): not handled, like any message while Redis is down
        CompletableFuture<Optional<String>> answer = push.replayChecked()
                ? coordinator.reply(push.account(), message) : coordinator.unavailable(message);
        CompletableFuture<ResponseEntity<String>> reply = answer.thenApply(text -> passiveReply(push, message, text));
        return writtenNow(reply, response) ? null : reply;
    }

    @ExceptionHandler
    ResponseEntity<String> unreadable(BadMessageException e, HttpServletRequest request) {
        metrics.refused("malformed");
        return refuse(HttpStatus.BAD_REQUEST, e, request);
    }

    @ExceptionHandler
    ResponseEntity<String> refused(RefusedMessageException e, HttpServletRequest request) {
        metrics.refused(e.metric());
        return refuse(HttpStatus.FORBIDDEN, e, request);
    }

    private ResponseEntity<String> passiveReply(CheckedRequest push, InboundMessage message, Optional<String> text) {
        metrics.replied(push.startedNanos());
        String xml = text.map(t -> encoder.encode(push.account(), message, t, push.encrypted())).orElse("success");
        return ResponseEntity.ok().contentType(XML).body(xml);
    }

    /** Writes the reply if it completes normally within the inline wait; false when it is left to go asynchronous. */
    private boolean writtenNow(CompletableFuture<ResponseEntity<String>> reply, HttpServletResponse response)
            throws IOException {
        ResponseEntity<String> ready;
        try {
            ready = reply.get(inlineWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        byte[] xml = ready.getBody().getBytes(StandardCharsets.UTF_8);
        response.setStatus(ready.getStatusCode().value());
        response.setContentType(XML.toString());
        response.setContentLength(xml.length);
        response.getOutputStream().write(xml);
        return true;
    }

    private static ResponseEntity<String> refuse(HttpStatus status, RuntimeException e, HttpServletRequest request) {
        Object checked = request.getAttribute(CheckedRequest.ATTRIBUTE);
        String appId = checked instanceof CheckedRequest c ? c.account().appId() : "?";
        log.info("Refused a message for {}: {}", appId, e.getMessage());
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
