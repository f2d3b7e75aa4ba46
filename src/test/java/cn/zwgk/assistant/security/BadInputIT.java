package cn.zwgk.assistant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * Hostile input over HTTP that the protocol and API tests do not already try (see docs/bad-input.md
 * for the whole catalogue and which test proves each line): entity expansion on the webhook, in
 * plain and in safe mode, a chunked body with no length, knowledge-base uploads with paths,
 * bombs and oversize, and impossible calendar data. Each gets a clear refusal.
 */
@IntegrationTest
class BadInputIT {

    static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
            + "<xml><ToUserName>gh</ToUserName><FromUserName>oLol</FromUserName><CreateTime>1</CreateTime>"
            + "<MsgType>text</MsgType><Content>&lol4;</Content><MsgId>1</MsgId></xml>";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void billionLaughsOnTheWebhookIsABadRequestAnsweredAtOnce() {
        WechatTestClient city = WechatTestClient.defaultAccount(port);
        long start = System.nanoTime();
        HttpResponse<String> response = city.post(city.signedQuery(WechatTestClient.now()), BILLION_LAUGHS,
                Duration.ofSeconds(10));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("lollol");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anEntityInsideTheEncryptedPayloadIsRefusedToo() {
        WechatTestClient city = WechatTestClient.defaultAccount(port);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName>gh_5f8e2d1c0b9a</ToUserName><FromUserName>oXxeAes</FromUserName>"
                + "<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>7</MsgId></xml>";
        HttpResponse<String> response = city.postAes(xxe);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("root:");
    }

    @Test
    void aChunkedBodyWithoutLengthIsStillCutAtTheCap() throws Exception {
        WechatTestClient city = WechatTestClient.defaultAccount(port);
        byte[] body = city.textXml("oChunk", "z".repeat(200 * 1024), WechatTestClient.nextMsgId())
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/portal/"
                        + city.appId() + city.signedQuery(WechatTestClient.now())))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aJsonBodyOrAnEmptyBodyIsABadRequest() {
        WechatTestClient city = WechatTestClient.defaultAccount(port);
        assertThat(city.post(city.signedQuery(WechatTestClient.now()), "{\"MsgType\":\"text\"}", Duration.ofSeconds(5))
                .statusCode()).isEqualTo(400);
        assertThat(city.post(city.signedQuery(WechatTestClient.now()), "", Duration.ofSeconds(5)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void uploadNamesWithPathsKeepOnlyTheFileName() throws Exception {
        String marker = "示例县路灯维护办法" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> r = upload("../../../../tmp/evil-" + marker + ".txt",
                (marker + "\n第一条 路灯由镇政府统一维护。\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("evil-" + marker + ".txt").doesNotContain("../");
        assertThat(get("/api/kb/documents").body()).doesNotContain("../").doesNotContain("tmp/evil");
    }

    @Test
    void aZipBombDisguisedAsWordIsRefusedWithAReason() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) {
                zip.write(block);
            }
        }
        HttpResponse<String> r = upload("政策.docx", out.toByteArray());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("政策.docx").contains("bomb");
    }

    @Test
    void anOversizedOrCorruptUploadIsRefusedWithAReason() throws Exception {
        HttpResponse<String> big = upload("big.txt", new byte[21 * 1024 * 1024]);
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(big.body()).contains("big.txt").contains("over the limit");
        HttpResponse<String> corrupt = upload("broken.docx", "PK\u0003\u0004 not really".getBytes(StandardCharsets.UTF_8));
        assertThat(corrupt.statusCode()).isEqualTo(400);
        assertThat(corrupt.body()).contains("broken.docx");
        HttpResponse<String> exe = upload("setup.exe", new byte[] {'M', 'Z'});
        assertThat(exe.statusCode()).isEqualTo(400);
        assertThat(exe.body()).contains("unsupported file type");
    }

    @Test
    void impossibleCalendarDataGetsA400SayingWhatIsWrong() throws Exception {
        assertBad(put("/api/calendar/days/2026-02-30", "{\"kind\":\"HOLIDAY\",\"name\":\"x\"}"), "day");
        assertBad(put("/api/calendar/days/1899-10-01", "{\"kind\":\"HOLIDAY\",\"name\":\"x\"}"), "between 2000 and 2100");
        assertBad(put("/api/calendar/days/2026-10-01", "{\"kind\":\"FEAST\",\"name\":\"国庆节\"}"), "JSON");
        assertBad(put("/api/calendar/days/2026-10-01", "{\"kind\":\"HOLIDAY\",\"name\":\"" + "长".repeat(101) + "\"}"),
                "100 characters");
        assertBad(put("/api/calendar/days/2026-10-01", "{\"kind\":\"HOLIDAY\",\"name\":\"国庆\\u0000节\"}"),
                "control characters");
        assertBad(put("/api/calendar/days/2026-10-01", "not json"), "JSON");
        assertBad(put("/api/calendar/years/99999", "{\"source\":\"国办发明电〔2025〕7号\"}"), "between 2000 and 2100");
        assertBad(put("/api/calendar/years/2027", "{\"source\":\"\"}"), "source");
        assertBad(get("/api/calendar/add-working-days?from=2026-01-01&days=-3"), "days");
        assertBad(get("/api/calendar/add-working-days?from=2026-01-01&days=99999999"), "days");
        assertBad(get("/api/calendar/add-working-days?from=yesterday&days=3"), "from");
        assertBad(get("/api/calendar/days?year=MMXXVI"), "year");
        assertThat(get("/api/calendar/days?year=1899").body()).isEqualTo("[]");
    }

    private static void assertBad(HttpResponse<String> response, String mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("error").contains(mentions);
    }

    private HttpResponse<String> upload(String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "bad" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/api/kb/documents").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
