package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in OpenAI-compatible endpoint ({@code /v1/chat/completions} and {@code /chat/completions})
 * answering with whatever the test decides, optionally after a delay; it records the requests.
 */
final class StandInChatServer implements AutoCloseable {

    private final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService latency = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stand-in-chat-latency");
        t.setDaemon(true);
        return t;
    });
    volatile Function<String, String> reply = body -> "";
    volatile long delayMillis;
    volatile int status = 200;

    StandInChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(body);
            // the answer leaves after the delay, from the scheduler: no thread waits for it
            latency.schedule(() -> respond(exchange, body), delayMillis, TimeUnit.MILLISECONDS);
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    private void respond(HttpExchange exchange, String body) {
        String content = reply.apply(body);
        String json = JsonMapper.builder().build().writeValueAsString(java.util.Map.of(
                "id", "chatcmpl-1", "object", "chat.completion", "created", 1, "model", "stand-in",
                "choices", List.of(java.util.Map.of("index", 0, "finish_reason", "stop",
                        "message", java.util.Map.of("role", "assistant", "content", content))),
                "usage", java.util.Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)));
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        } catch (IOException ignored) {
            // the client gave up waiting
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        latency.shutdownNow();
        server.stop(0);
    }
}
