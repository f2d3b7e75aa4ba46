package cn.zwgk.assistant.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import cn.zwgk.assistant.conversation.InboundMessage;

/**
 * The webhook WeChat calls. Every request is checked in this order before anything is parsed:
 * known account (404), signature (403), replay window (403), body size (413), query string not
 * used before with another body (403, {@link ReplayGuard}); then {@link InboundEnvelope} opens it
 * (the account's mode, the XML without DTDs, decryption, the addressee: 400 or 403), and the
 * message is deduplicated and answered.
 */
@RestController
@RequestMapping("/wechat/portal/{appId}")
class WechatPortalController {

    private static final Logger log = LoggerFactory.getLogger(WechatPortalController.class);
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    private final AccountRegistry accounts;
    private final WechatProperties properties;
    private final ReplyCoordinator coordinator;
    private final ReplyEncoder encoder;
    private final WechatMetrics metrics;
    private final ReplayGuard replayGuard;
    private final Clock clock;

    WechatPortalController(AccountRegistry accounts, WechatProperties properties, ReplyCoordinator coordinator,
                           ReplyEncoder encoder, WechatMetrics metrics, ReplayGuard replayGuard, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.coordinator = coordinator;
        this.encoder = encoder;
        this.metrics = metrics;
        this.replayGuard = replayGuard;
        this.clock = clock;
    }

    @GetMapping(produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> verifyUrl(@PathVariable String appId,
                                     @RequestParam(required = false) String signature,
                                     @RequestParam(required = false) String timestamp,
                                     @RequestParam(required = false) String nonce,
                                     @RequestParam(required = false) String echostr) {
        Account account = accounts.find(appId).orElse(null);
        if (account == null) {
            return refuse(HttpStatus.NOT_FOUND, "unknown account");
        }
        if (!signatureValid(account, signature, timestamp, nonce)) {
            return refuse(HttpStatus.FORBIDDEN, "bad signature");
        }
        long epochSeconds = fresh(timestamp);
        if (epochSeconds >= 0) {
            replayGuard.reserveForUrlCheck(account.appId(), signature, epochSeconds);
        }
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
    CompletableFuture<ResponseEntity<String>> receive(@PathVariable String appId, HttpServletRequest request,
                                                      HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        // The query string is read by hand: asking the servlet for parameters would consume a body
        // sent as a form.
        MultiValueMap<String, String> query = UriComponentsBuilder.newInstance()
                .query(request.getQueryString()).build().encode().getQueryParams();
        String signature = param(query, "signature");
        String timestamp = param(query, "timestamp");
        String nonce = param(query, "nonce");
        String encryptType = param(query, "encrypt_type");
        String msgSignature = param(query, "msg_signature");
        Account account = accounts.find(appId).orElse(null);
        if (account == null) {
            return done(refuse(HttpStatus.NOT_FOUND, "unknown account"));
        }
        if (!signatureValid(account, signature, timestamp, nonce)) {
            metrics.refused("signature");
            return done(refuse(HttpStatus.FORBIDDEN, "bad signature"));
        }
        long epochSeconds = fresh(timestamp);
        if (epochSeconds < 0) {
            metrics.refused("replay");
            return done(refuse(HttpStatus.FORBIDDEN, "timestamp outside the replay window"));
        }
        String body = readCapped(request);
        if (body == null) {
            metrics.refused("size");
            return done(refuse(HttpStatus.PAYLOAD_TOO_LARGE, "body too large"));
        }
        ReplayGuard.Verdict seen = replayGuard.admit(account.appId(), signature, epochSeconds, body);
        if (seen == ReplayGuard.Verdict.CONFLICT) {
            metrics.refused("replay");
            log.warn("Refused a request for {}: its query string came before with another body", appId);
            return done(refuse(HttpStatus.FORBIDDEN, "query string already used with another body"));
        }
        boolean aes = "aes".equalsIgnoreCase(encryptType);
        InboundMessage message;
        try {
            message = InboundEnvelope.open(account, body, aes, timestamp, nonce, msgSignature);
        } catch (BadMessageException e) {
            metrics.refused("malformed");
            log.info("Refused a message for {}: {}", appId, e.getMessage());
            return done(refuse(HttpStatus.BAD_REQUEST, e.getMessage()));
        } catch (RefusedMessageException e) {
            metrics.refused(e.metric());
            log.info("Refused a message for {}: {}", appId, e.getMessage());
            return done(refuse(HttpStatus.FORBIDDEN, e.getMessage()));
        }
        metrics.received(message);
        // unchecked against replays (Redis unreachable): not handled, like any message while Redis is down
        CompletableFuture<Optional<String>> answer = seen == ReplayGuard.Verdict.UNCHECKED
                ? coordinator.unavailable(message) : coordinator.reply(account, message);
        CompletableFuture<ResponseEntity<String>> reply = answer.thenApply(text -> {
            metrics.replied(started);
            String xml = text.map(t -> encoder.encode(account, message, t, aes)).orElse("success");
            return ResponseEntity.ok().contentType(XML).body(xml);
        });
        ResponseEntity<String> ready = readyWithin(reply, properties.inlineWait());
        if (ready == null) {
            return reply;
        }
        byte[] xml = ready.getBody().getBytes(StandardCharsets.UTF_8);
        response.setStatus(ready.getStatusCode().value());
        response.setContentType(XML.toString());
        response.setContentLength(xml.length);
        response.getOutputStream().write(xml);
        return null;
    }

    /** The reply if it completes normally within {@code wait}, else null (it is then answered asynchronously). */
    private static ResponseEntity<String> readyWithin(CompletableFuture<ResponseEntity<String>> reply, Duration wait) {
        try {
            return reply.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private boolean signatureValid(Account account, String signature, String timestamp, String nonce) {
        if (signature == null || timestamp == null || nonce == null) {
            return false;
        }
        return MessageCrypto.matches(MessageCrypto.signature(account.token(), timestamp, nonce), signature);
    }

    /** The timestamp in epoch seconds when it is within the replay window of now, else -1. */
    private long fresh(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp.trim());
            long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
            return skew <= properties.replayWindow().toSeconds() && seconds >= 0 ? seconds : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body as UTF-8, or null when it is larger than the cap. */
    private String readCapped(HttpServletRequest request) throws IOException {
        int cap = properties.maxBodyBytes();
        if (request.getContentLengthLong() > cap) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(cap + 1);
            return bytes.length > cap ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String param(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
    }

    private static ResponseEntity<String> refuse(HttpStatus status, String reason) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(reason);
    }

    private static CompletableFuture<ResponseEntity<String>> done(ResponseEntity<String> response) {
        return CompletableFuture.completedFuture(response);
    }
}
