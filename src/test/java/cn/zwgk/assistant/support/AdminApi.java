package cn.zwgk.assistant.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The staff API as the admin (HTTP Basic admin/admin, the test default), failing on a non-2xx answer. */
public final class AdminApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public AdminApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public String post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private String send(HttpRequest.Builder builder) {
        builder.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
