package cn.zwgk.assistant.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.wechat.Account;
import cn.zwgk.assistant.wechat.AccountRegistry;

/**
 * Plays the WeChat server: builds the message XML, signs it (and encrypts it in safe mode), and
 * pushes it over HTTP to this application's own {@code /wechat/portal/{appId}}. Like WeChat it
 * waits {@code simulator.reply-timeout} (5 s) for an answer and then pushes the very same message
 * again, up to {@code simulator.retries} (3) times. Used by the simulator page and by tests.
 */
@Component
@ConditionalOnBooleanProperty("simulator.enabled")
class WechatServerEmulator {

    private static final Logger log = LoggerFactory.getLogger(WechatServerEmulator.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 10_000);

    private final Function<String, Optional<Account>> accounts;
    private final SimulatorProperties properties;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private volatile String baseUrl;

    @Autowired
    WechatServerEmulator(AccountRegistry accounts, SimulatorProperties properties) {
        this(accounts::find, properties);
    }

    WechatServerEmulator(Function<String, Optional<Account>> accounts, SimulatorProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() == null) {
            useBaseUrl("http://127.0.0.1:" + event.getWebServer().getPort());
        }
    }

    /** Where the webhook is: this application once its web server runs, a stub in unit tests. */
    void useBaseUrl(String url) {
        this.baseUrl = url;
    }

    /** Pushes the message like WeChat and reports what the webhook answered. */
    public EmulatorResult send(EmulatedMessage message) {
        Account account = accounts.apply(message.appId())
                .orElseThrow(() -> new IllegalArgumentException("unknown account " + message.appId()));
        if (message.encrypt() && !account.acceptsEncrypted()) {
            throw new IllegalArgumentException("account " + account.appId() + " is in plain mode: no encrypted pushes");
        }
        // as WeChat does: a safe-mode account gets every push encrypted, a compatible one as asked
        boolean encrypt = message.encrypt() || !account.acceptsPlaintext();
        String base = baseUrl;
        if (base == null) {
            throw new IllegalStateException("the web server has not started yet");
        }
        long now = System.currentTimeMillis() / 1000;
        String xml = WechatMessageXml.build(account.originalId(), message, now, MSG_IDS.incrementAndGet());
        String timestamp = Long.toString(now);
        String nonce = Long.toString(1_000_000_000L + RANDOM.nextInt(1_000_000_000));
        WechatSigning.Push push = encrypt
                ? WechatSigning.encrypted(account, message.openid(), xml, timestamp, nonce, random16())
                : WechatSigning.plain(account, message.openid(), xml, timestamp, nonce);
        URI uri = URI.create(base + "/wechat/portal/" + URLEncoder.encode(account.appId(), StandardCharsets.UTF_8)
                + push.query());
        return push(account, message, xml, uri, push.body());
    }

    private EmulatorResult push(Account account, EmulatedMessage message, String xml, URI uri, String body) {
        long started = System.nanoTime();
        int maxAttempts = 1 + Math.max(0, properties.retries());
        String lastError = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                HttpResponse<String> response = http.send(request(uri, body),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return answered(account, message, xml, attempt, response, elapsedMs(started));
            } catch (HttpTimeoutException e) {
                lastError = "no answer within " + properties.replyTimeout().toMillis() + " ms";
            } catch (IOException e) {
                lastError = "push failed: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new EmulatorResult(attempt, 0, null, null, null, xml, elapsedMs(started), "interrupted");
            }
            log.debug("Push {} of a {} message to {} failed: {}", attempt, message.type(), account.appId(), lastError);
        }
        return new EmulatorResult(maxAttempts, 0, null, null, null, xml, elapsedMs(started),
                lastError + " after " + maxAttempts + " attempts");
    }

    private static EmulatorResult answered(Account account, EmulatedMessage message, String xml, int attempt,
                                           HttpResponse<String> response, long elapsed) {
        if (response.statusCode() != 200) {
            return new EmulatorResult(attempt, response.statusCode(), null, null, response.body(), xml, elapsed,
                    "HTTP " + response.statusCode());
        }
        ReplyReader.Reading reading = ReplyReader.read(account, message.openid(), response.body());
        return new EmulatorResult(attempt, 200, reading.reply(), reading.replyXml(), response.body(), xml, elapsed,
                reading.error());
    }

    private HttpRequest request(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(properties.replyTimeout())
                .header("Content-Type", "text/xml")
                .header("User-Agent", "Mozilla/4.0")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String random16() {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return sb.toString();
    }
}
