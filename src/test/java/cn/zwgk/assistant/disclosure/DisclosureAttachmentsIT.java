package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.simulator.WechatApiStandIn;
import cn.zwgk.assistant.support.AdminApi;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Staff attach files to a reply; the applicant gets a link and downloads them without logging in. */
@IntegrationTest
class DisclosureAttachmentsIT {

    private static final Pattern TRACKING_NO = Pattern.compile("YSQ-\\d{4}-\\d{6}");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/files/[A-Za-z0-9._-]+");
    private static final String LETTER = """
            {"applicantType":"CITIZEN","applicantName":"王五","idNumber":"11010519491231002X","phone":"13800138000",
             "address":"北京市东城区正义路2号院3号楼","description":"2025年本区老旧小区改造项目资金安排文件",
             "form":"PAPER","delivery":"MAIL","channel":"LETTER","receivedOn":"2026-11-02"}""";

    @LocalServerPort
    int port;
    @Autowired
    WechatApiStandIn wechat;
    @Autowired
    AuditLog audit;
    @Autowired
    DownloadTokens tokens;
    @Autowired
    ReplyNotice replyNotice;
    @Autowired
    OutboxService outbox;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Random random = new Random(36);

    @Test
    void anOnlineReplySendsItsAttachmentsByLinkAndTheApplicantDownloadsThemWithoutLogin() {
        AdminApi admin = new AdminApi(port);
        String user = "oAtt" + UUID.randomUUID().toString().substring(0, 8);
        say(user, "我要申请公开2025年本区老旧小区改造项目的资金安排文件");
        say(user, "公民");
        say(user, "孙七 13800138000 11010519491231002X 电子 网上获取");
        String no = trackingNo(say(user, "确认"));
        admin.post("/api/disclosures/" + no + "/accept", "{}");

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("关于老旧小区改造资金安排的答复书.pdf", pdf(300_000));
        files.put("资金安排明细（2025）.docx", docx());
        HttpResponse<String> uploaded = upload(no, files);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(json.readTree(uploaded.body()).findValuesAsString("name")).containsExactlyElementsOf(files.keySet());

        // refused, each with its reason, and nothing of it stored
        assertRefused(upload(no, Map.of("大文件.pdf", pdf(10 * 1024 * 1024 + 1))), "at most 10485760 bytes");
        assertRefused(upload(no, Map.of("../../etc/passwd.pdf", pdf(1000))), "contains a path");
        assertRefused(upload(no, Map.of("通知.pdf", exe())), "not a .pdf file", "Windows program");
        assertRefused(upload(no, Map.of("另一份.pdf", pdf(2000), "setup.exe", exe())), "not accepted");
        JsonNode listed = json.readTree(admin.get("/api/disclosures/" + no + "/attachments"));
        assertThat(listed.findValuesAsString("name")).containsExactlyElementsOf(files.keySet());
        assertThat(listed.get(0).get("sha256").asString()).isEqualTo(AttachmentChecks.sha256(files.values().iterator().next()));

        admin.post("/api/disclosures/" + no + "/reply", "{\"kind\":\"DISCLOSED\",\"text\":\"您申请的信息予以公开，详见附件。\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> notice(user, no) != null);
        WechatApiStandIn.SentMessage notice = notice(user, no);
        assertThat(notice.api()).isEqualTo(WechatApiStandIn.Api.CUSTOMER_SERVICE);
        assertThat(notice.content()).contains("您申请的信息予以公开，详见附件。")
                .contains("关于老旧小区改造资金安排的答复书.pdf").contains("资金安排明细（2025）.docx");
        Matcher link = LINK.matcher(notice.content());
        assertThat(link.find()).as(notice.content()).isTrue();

        // the link opens a page listing the files, each behind its own link; no credentials anywhere
        HttpResponse<byte[]> page = fetch(link.group());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).contains(no).contains("关于老旧小区改造资金安排的答复书.pdf");
        List<String> fileLinks = new ArrayList<>();
        Matcher href = Pattern.compile("href=\"([A-Za-z0-9._-]+)\"").matcher(html);
        while (href.find()) {
            String url = link.group().substring(0, link.group().lastIndexOf('/') + 1) + href.group(1);
            if (!fileLinks.contains(url)) {
                fileLinks.add(url);
            }
        }
        assertThat(fileLinks).hasSize(2);
        Map<String, byte[]> downloaded = new LinkedHashMap<>();
        for (String url : fileLinks) {
            HttpResponse<byte[]> file = fetch(url);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();
            assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
            String name = java.net.URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7),
                    StandardCharsets.UTF_8);
            downloaded.put(name, file.body());
        }
        assertThat(downloaded.keySet()).containsExactlyInAnyOrderElementsOf(files.keySet());
        files.forEach((name, bytes) -> assertThat(downloaded.get(name)).as(name).isEqualTo(bytes));
        assertThat(audit.forSubject(no)).filteredOn(e -> e.action().equals("disclosure.download")).hasSize(2)
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("download-link"));

        // altered and expired links serve nothing
        String fileLink = fileLinks.get(0);
        int dot = fileLink.lastIndexOf('.');
        String tampered = fileLink.substring(0, dot + 5) + (fileLink.charAt(dot + 5) == 'x' ? 'y' : 'x') + fileLink.substring(dot + 6);
        HttpResponse<byte[]> refused = fetch(tampered);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("%PDF").doesNotContain("word/");
        String otherCase = "/files/" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1." + listed.get(0).get("id").asLong() + ".YSQ-2026-000001.4102444800").getBytes(StandardCharsets.US_ASCII))
                + fileLink.substring(dot);
        assertThat(fetch("http://127.0.0.1:" + port + otherCase).statusCode()).isEqualTo(403);
        String expired = tokens.issue(listed.get(0).get("id").asLong(), no, Instant.now().minusSeconds(5));
        assertThat(fetch("http://127.0.0.1:" + port + "/files/" + expired).statusCode()).isEqualTo(410);
        assertThat(audit.forSubject(no)).filteredOn(e -> e.action().equals("disclosure.download")).hasSize(2);

        // the case shows what was sent; after the reply the attachments no longer change
        JsonNode detail = json.readTree(admin.get("/api/disclosures/" + no));
        assertThat(detail.get("attachments")).hasSize(2);
        assertThat(detail.get("attachments").get(1).get("size").asLong()).isEqualTo(files.get("资金安排明细（2025）.docx").length);
        assertThat(detail.get("attachments").get(0).get("sentAt").isNull()).isFalse();
        JsonNode reply = detail.get("timeline").get(detail.get("timeline").size() - 1);
        assertThat(reply.get("action").asString()).isEqualTo("reply");
        assertThat(reply.get("detail").asString()).contains("关于老旧小区改造资金安排的答复书.pdf").contains("资金安排明细（2025）.docx");
        assertThat(audit.forSubject(no)).filteredOn(e -> e.action().equals("disclosure.reply")).singleElement()
                .satisfies(e -> assertThat(e.after()).contains("资金安排明细（2025）.docx"));
        assertThat(send(admin("/api/disclosures/" + no + "/attachments/" + listed.get(0).get("id").asLong())
                .DELETE()).statusCode()).isEqualTo(409);
        assertThat(upload(no, Map.of("补充.pdf", pdf(1000))).statusCode()).isEqualTo(409);
    }

    @Test
    void aLetterReplySendsTheChosenAttachmentsAndAPaperCopyIsExplained() {
        AdminApi admin = new AdminApi(port);
        String no = json.readTree(admin.post("/api/disclosures", LETTER)).get("trackingNo").asString();
        admin.post("/api/disclosures/" + no + "/accept", "");
        byte[] notice = pdf(5000);
        Map<String, byte[]> three = new LinkedHashMap<>();
        three.put("告知书.pdf", notice);
        three.put("照片.png", png());
        three.put("草稿.pdf", pdf(7000));
        JsonNode added = json.readTree(upload(no, three).body());
        Map<String, Long> ids = new LinkedHashMap<>();
        added.forEach(a -> ids.put(a.get("name").asString(), a.get("id").asLong()));
        assertThat(ids).hasSize(3);

        assertThat(send(admin("/api/disclosures/" + no + "/attachments/" + ids.get("草稿.pdf")).DELETE()).statusCode())
                .isEqualTo(204);
        assertRefused(upload(no, Map.of("告知书副本.pdf", notice)), "already attached");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 19; i++) {
            many.put("第" + i + "页.pdf", pdf(100 + i));
        }
        assertRefused(upload(no, many), "at most 20 files");
        HttpResponse<String> unknown = send(admin("/api/disclosures/" + no + "/reply").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"NOT_DISCLOSED\",\"text\":\"x\",\"attachmentIds\":[999999]}")));
        assertRefused(unknown, "attachmentIds");

        admin.post("/api/disclosures/" + no + "/reply", "{\"kind\":\"NOT_DISCLOSED\",\"text\":\"涉及个人隐私，不予公开。\","
                + "\"attachmentIds\":[" + ids.get("告知书.pdf") + "]}");
        JsonNode attachments = json.readTree(admin.get("/api/disclosures/" + no)).get("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).get("name").asString()).isEqualTo("告知书.pdf");
        assertThat(attachments.get(0).get("sentAt").isNull()).isFalse();
        assertThat(attachments.get(1).get("sentAt").isNull()).as("not chosen, not sent").isTrue();
        assertThat(outbox.find("disclosure:" + no + ":v2")).as("a letter has no WeChat recipient").isEmpty();

        // what an online applicant with the same case would be told (links take the host of the request)
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        String lines;
        try {
            lines = replyNotice.delivery(no);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        assertThat(lines).contains("告知书.pdf").doesNotContain("照片.png").contains("http://localhost/files/")
                .contains("北京市东城区****").doesNotContain("正义路2号院");
    }

    @Test
    void outsideTheWindowTheTemplateMessageOpensTheDownloadPage() {
        AdminApi admin = new AdminApi(port);
        String user = "oAtt" + UUID.randomUUID().toString().substring(0, 8);
        say(user, "我要申请公开2026年第一季度本区财政预算执行情况报告");
        say(user, "公民");
        say(user, "周八 13800138000 11010519491231002X 电子 网上获取");
        String no = trackingNo(say(user, "确认"));
        admin.post("/api/disclosures/" + no + "/accept", "{}");
        await().atMost(Duration.ofSeconds(20)).until(() -> !wechat.sentTo(user).isEmpty());
        assertThat(upload(no, Map.of("答复书.pdf", pdf(4000))).statusCode()).isEqualTo(201);

        wechat.failNext(1, 45015); // the customer-service window has closed
        admin.post("/api/disclosures/" + no + "/reply", "{\"kind\":\"DISCLOSED\",\"text\":\"详见附件。\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> wechat.sentTo(user).stream()
                .anyMatch(m -> m.api() == WechatApiStandIn.Api.TEMPLATE));
        WechatApiStandIn.SentMessage template = wechat.sentTo(user).stream()
                .filter(m -> m.api() == WechatApiStandIn.Api.TEMPLATE).findFirst().orElseThrow();
        Matcher url = Pattern.compile("\"url\"\\s*:\\s*\"(http[^\"]+/files/[A-Za-z0-9._-]+)\"").matcher(template.rawJson());
        assertThat(url.find()).as(template.rawJson()).isTrue();
        HttpResponse<byte[]> page = fetch(url.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("答复书.pdf");
    }

    private void assertRefused(HttpResponse<String> response, String... reasons) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(reasons);
    }

    private WechatApiStandIn.SentMessage notice(String user, String no) {
        return wechat.sentTo(user).stream().filter(m -> m.content() != null && m.content().contains("/files/")
                && m.content().contains(no)).findFirst().orElse(null);
    }

    private String say(String openid, String text) {
        WechatTestClient client = WechatTestClient.defaultAccount(port);
        return WechatTestClient.extract(client.postPlain(client.textXml(openid, text, WechatTestClient.nextMsgId())).body(),
                "Content");
    }

    private static String trackingNo(String reply) {
        Matcher m = TRACKING_NO.matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return m.group();
    }

    private HttpResponse<String> upload(String no, Map<String, byte[]> files) {
        String boundary = "att" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((name, bytes) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(admin("/api/disclosures/" + no + "/attachments")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET without any credentials, as the applicant's phone makes it. */
    private HttpResponse<byte[]> fetch(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] pdf(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 9);
        return b;
    }

    private static byte[] png() {
        byte[] b = new byte[600];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, b, 0, 8);
        return b;
    }

    private static byte[] exe() {
        byte[] b = new byte[4096];
        b[0] = 'M';
        b[1] = 'Z';
        return b;
    }

    private byte[] docx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/media/image1.png")) {
                zip.putNextEntry(new ZipEntry(name));
                byte[] content = new byte[20_000];
                random.nextBytes(content);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
