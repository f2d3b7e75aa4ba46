package cn.zwgk.assistant.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat API as far as the channel uses it, on a local port, built on the JDK's HTTP server so
 * that the tests depend on nothing else: {@code GET /cgi-bin/token} issues access tokens and counts
 * the requests, {@code POST /cgi-bin/message/custom/send} records customer-service messages and
 * accepts only tokens it issued (errcode 40001 otherwise, as WeChat does), {@code POST
 * /cgi-bin/message/template/send} records template messages with their {@code client_msg_id}.
 * {@link #delayNextSends} and {@link #failNextSends} inject faults into both kinds of send: a slow
 * answer (after the message was recorded, i.e. accepted) or a system-busy error (not recorded).
 */
public final class FakeWechatApi implements AutoCloseable {

    private static FakeWechatApi shared;

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final List<CustomerServiceMessage> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final List<String> typing = new CopyOnWriteArrayList<>();
    private final List<TemplateMessage> templates = new CopyOnWriteArrayList<>();
    private final AtomicInteger delayedSends = new AtomicInteger();
    private final AtomicInteger failedSends = new AtomicInteger();
    private volatile Duration sendDelay = Duration.ZERO;
    /** Answers held back by {@link #delayNextSends}: sent later from here, no thread waits for them. */
    private final ScheduledExecutorService latency = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-wechat-latency");
        t.setDaemon(true);
        return t;
    });

    /** One template message request as WeChat received it. */
    public record TemplateMessage(String toUser, String templateId, String clientMsgId, String rawJson) {
    }

    /**
     * One customer-service text message as WeChat received it; {@code aiMarked}: it carried WeChat's
     * AI-content mark ({@code "aimsgcontext":{"is_ai_msg":1}}).
     */
    public record CustomerServiceMessage(String accessToken, String toUser, String msgType, String content,
                                         boolean aiMarked) {
    }

    private FakeWechatApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "fake-wechat-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/cgi-bin/token", this::token);
        server.createContext("/cgi-bin/message/custom/send", this::customSend);
        server.createContext("/cgi-bin/message/template/send", this::templateSend);
        server.createContext("/cgi-bin/message/custom/typing", this::typing);
        server.createContext("/", exchange -> reply(exchange, 404, "{\"errcode\":40066,\"errmsg\":\"invalid url\"}"));
        server.start();
    }

    public static FakeWechatApi start() {
        return new FakeWechatApi();
    }

    /** One instance for every context of this JVM that does not need its own counts. */
    public static synchronized FakeWechatApi shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int tokenRequests(String appId) {
        AtomicInteger n = tokenRequests.get(appId);
        return n == null ? 0 : n.get();
    }

    public List<CustomerServiceMessage> sentTo(String openid) {
        return sent.stream().filter(m -> openid.equals(m.toUser())).toList();
    }

    /** The typing indicators shown to {@code openid} ("Typing" commands accepted). */
    public long typingShownTo(String openid) {
        return typing.stream().filter(openid::equals).count();
    }

    public List<TemplateMessage> templatesTo(String openid) {
        return templates.stream().filter(m -> openid.equals(m.toUser())).toList();
    }

    public List<TemplateMessage> templates() {
        return List.copyOf(templates);
    }

    /** The next {@code count} sends are accepted (recorded) but answered only after {@code delay}. */
    public void delayNextSends(int count, Duration delay) {
        sendDelay = delay;
        delayedSends.set(count);
    }

    /** The next {@code count} sends are refused with errcode -1 (system busy) and not recorded. */
    public void failNextSends(int count) {
        failedSends.set(count);
    }

    /** Waits up to {@code timeout} for a message matching {@code test}. */
    public Optional<CustomerServiceMessage> awaitSent(Predicate<CustomerServiceMessage> test, Duration timeout) {
        try {
            return Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> sent.stream().filter(test).findFirst(), Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        latency.shutdownNow();
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        String appId = query.getOrDefault("appid", "");
        tokenRequests.computeIfAbsent(appId, k -> new AtomicInteger()).incrementAndGet();
        if (!"client_credential".equals(query.get("grant_type")) || query.getOrDefault("secret", "").isBlank()) {
            reply(exchange, 200, "{\"errcode\":40002,\"errmsg\":\"invalid grant_type\"}");
            return;
        }
        String token = "FAKE_TOKEN_" + appId + "_" + tokens.incrementAndGet();
        issued.add(token);
        reply(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":7200}");
    }

    /** The JSON body of a call made with an access token this API issued; null (and 40001 answered) otherwise. */
    private JsonNode authorizedBody(HttpExchange exchange) throws IOException {
        String token = query(exchange).get("access_token");
        if (token == null || !issued.contains(token)) {
            reply(exchange, 200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
            return null;
        }
        try (InputStream in = exchange.getRequestBody()) {
            return json.readTree(in.readAllBytes());
        }
    }

    private void customSend(HttpExchange exchange) throws IOException {
        String token = query(exchange).get("access_token");
        JsonNode body = authorizedBody(exchange);
        if (body == null || refused(exchange)) {
            return;
        }
        sent.add(new CustomerServiceMessage(token, body.path("touser").asString(null),
                body.path("msgtype").asString(null), body.path("text").path("content").asString(null),
                body.path("aimsgcontext").path("is_ai_msg").asInt(0) == 1));
        accepted(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private void typing(HttpExchange exchange) throws IOException {
        JsonNode body = authorizedBody(exchange);
        if (body == null) {
            return;
        }
        if ("Typing".equals(body.path("command").asString(null))) {
            typing.add(body.path("touser").asString(""));
        }
        reply(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private void templateSend(HttpExchange exchange) throws IOException {
        String token = query(exchange).get("access_token");
        if (token == null || !issued.contains(token)) {
            reply(exchange, 200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
            return;
        }
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        if (refused(exchange)) {
            return;
        }
        JsonNode body = json.readTree(raw);
        templates.add(new TemplateMessage(body.path("touser").asString(null), body.path("template_id").asString(null),
                body.path("client_msg_id").asString(null), new String(raw, StandardCharsets.UTF_8)));
        accepted(exchange, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + templates.size() + "}");
    }

    private boolean refused(HttpExchange exchange) throws IOException {
        if (failedSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(exchange, 200, "{\"errcode\":-1,\"errmsg\":\"system error\"}");
            return true;
        }
        return false;
    }

    private void accepted(HttpExchange exchange, String body) {
        if (delayedSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            latency.schedule(() -> acceptedNow(exchange, body), sendDelay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            acceptedNow(exchange, body);
        }
    }

    private static void acceptedNow(HttpExchange exchange, String body) {
        try {
            reply(exchange, 200, body);
        } catch (IOException e) {
            // the client gave up waiting: the message was accepted all the same
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
