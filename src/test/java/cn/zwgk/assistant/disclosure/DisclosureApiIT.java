package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.calendar.WorkingDayCalendar;
import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class DisclosureApiIT {

    private static final String LETTER = """
            {"applicantType":"CITIZEN","applicantName":"王五","idNumber":"11010519491231002X","phone":"13800138000",
             "address":"北京市东城区正义路2号院3号楼","email":null,"description":"2025年本区老旧小区改造项目资金安排文件",
             "form":"PAPER","delivery":"MAIL","channel":"LETTER","receivedOn":"2026-11-02"}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    AuditLog audit;
    @Autowired
    DisclosureService service;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void registersALetterWithItsOwnReceiptDateAndKeepsPersonalDataEncrypted() {
        HttpResponse<String> created = post("/api/disclosures", LETTER, true);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        String no = body.get("trackingNo").asString();
        assertThat(no).matches("YSQ-2026-\\d{6}");
        assertThat(body.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(body.get("receivedOn").asString()).isEqualTo("2026-11-02");
        assertThat(body.get("dueOn").asString())
                .isEqualTo(calendar.addWorkingDays(LocalDate.of(2026, 11, 2), 20).date().toString());
        assertThat(created.body()).doesNotContain("11010519491231002X").doesNotContain("13800138000");

        JsonNode detail = json.readTree(get("/api/disclosures/" + no, true).body());
        assertThat(detail.get("idNumber").asString()).isEqualTo("110***********002X");
        assertThat(detail.get("phone").asString()).isEqualTo("138****8000");
        assertThat(detail.get("timeline").get(0).get("action").asString()).isEqualTo("submit");

        Map<String, Object> row = jdbc.sql("select * from disclosure_case where tracking_no = ?").param(no).query().singleRow();
        assertThat(row.get("id_number_enc").toString()).startsWith("v1:").doesNotContain("11010519491231002X")
                .doesNotContain("1949");
        assertThat(row.get("phone_enc").toString()).doesNotContain("13800138000");
        assertThat(row.get("address_enc").toString()).doesNotContain("正义路");
        assertThat(audit.forSubject(no)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.after()).contains(no).doesNotContain("11010519491231002X").doesNotContain("13800138000");
        });
    }

    @Test
    void badInputGets400WithWhatIsWrong() {
        HttpResponse<String> badId = post("/api/disclosures", LETTER.replace("11010519491231002X", "110105194912310021"), true);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("idNumber").contains("校验位");
        HttpResponse<String> badChannel = post("/api/disclosures", LETTER.replace("\"LETTER\"", "\"EMAILX\""), true);
        assertThat(badChannel.statusCode()).isEqualTo(400);
        assertThat(badChannel.body()).contains("channel");
        HttpResponse<String> noAddress = post("/api/disclosures", LETTER.replace("\"北京市东城区正义路2号院3号楼\"", "null"), true);
        assertThat(noAddress.statusCode()).isEqualTo(400);
        assertThat(noAddress.body()).contains("address");
        HttpResponse<String> future = post("/api/disclosures", LETTER.replace("2026-11-02", LocalDate.now().plusDays(3).toString()), true);
        assertThat(future.statusCode()).isEqualTo(400);
        HttpResponse<String> org = post("/api/disclosures", LETTER.replace("\"CITIZEN\"", "\"ORGANIZATION\""), true);
        assertThat(org.statusCode()).isEqualTo(400);
        assertThat(org.body()).contains("creditCode");
    }

    @Test
    void staffOnly() {
        assertThat(post("/api/disclosures", LETTER, false).statusCode()).isEqualTo(401);
        assertThat(get("/api/disclosures", false).statusCode()).isEqualTo(401);
    }

    @Test
    void workflowActionsIllegalTransitionsAndFilters() {
        String no = json.readTree(post("/api/disclosures", LETTER, true).body()).get("trackingNo").asString();
        assertThat(post("/api/disclosures/" + no + "/accept", "", true).statusCode()).isEqualTo(200);
        HttpResponse<String> again = post("/api/disclosures/" + no + "/accept", "", true);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("ACCEPTED");
        assertThat(post("/api/disclosures/" + no + "/extend", "{\"days\":10,\"reason\":\"档案多\"}", true).statusCode())
                .isEqualTo(400);
        HttpResponse<String> extended = post("/api/disclosures/" + no + "/extend",
                "{\"days\":10,\"approver\":\"李局长\",\"reason\":\"档案多\"}", true);
        assertThat(extended.statusCode()).isEqualTo(200);
        assertThat(json.readTree(extended.body()).get("dueOn").asString())
                .isEqualTo(calendar.addWorkingDays(LocalDate.of(2026, 11, 2), 30).date().toString());
        assertThat(post("/api/disclosures/" + no + "/reply", "{\"kind\":\"DISCLOSED\",\"text\":\"见附件\"}", true).statusCode())
                .isEqualTo(200);
        assertThat(post("/api/disclosures/" + no + "/frobnicate", "", true).statusCode()).isEqualTo(400);
        assertThat(post("/api/disclosures/YSQ-2026-999999/accept", "", true).statusCode()).isEqualTo(404);

        JsonNode replied = json.readTree(get("/api/disclosures?status=REPLIED", true).body());
        List<String> numbers = new ArrayList<>();
        replied.forEach(c -> numbers.add(c.get("trackingNo").asString()));
        assertThat(numbers).contains(no);
        assertThat(json.readTree(get("/api/disclosures?status=ACCEPTED", true).body()).toString()).doesNotContain(no);
        assertThat(audit.forSubject(no)).extracting(AuditLog.Entry::action)
                .containsExactly("disclosure.submit", "disclosure.accept", "disclosure.extend", "disclosure.reply");
    }

    @Test
    void concurrentRegistrationsGetDistinctTrackingNumbers() {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> post("/api/disclosures", LETTER, true)));
        }
        Set<String> numbers = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.join();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            numbers.add(json.readTree(response.body()).get("trackingNo").asString());
        }
        assertThat(numbers).hasSize(8);
    }

    @Test
    void confirmingOneDraftTwiceAtOnceStoresOneCase() {
        DisclosureRequest application = new DisclosureRequest(ApplicantType.CITIZEN, "周八", null, null, "11010519491231002X", null,
                "13800138000", null, null, "2025年本区垃圾分类专项经费使用情况", null, InfoForm.ELECTRONIC, DeliveryWay.ONLINE);
        String draftId = java.util.UUID.randomUUID().toString();
        List<CompletableFuture<String>> confirmations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            confirmations.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return service.submitOnline(draftId, "wxApp", "oTwice", application).trackingNo();
                } catch (ConcurrentSubmissionException e) {
                    return service.findByDraft(draftId).orElseThrow().trackingNo();
                }
            }));
        }
        Set<String> numbers = new HashSet<>();
        confirmations.forEach(c -> numbers.add(c.join()));
        assertThat(numbers).hasSize(1);
        assertThat(service.forApplicant("wxApp", "oTwice", 10)).hasSize(1);
        JsonNode byOpenid = json.readTree(get("/api/disclosures?openid=oTwice", true).body());
        assertThat(byOpenid.size()).isEqualTo(1);
        assertThat(byOpenid.get(0).get("trackingNo").asString()).isEqualTo(numbers.iterator().next());
        assertThat(byOpenid.get(0).get("phone").asString()).isEqualTo("138****8000");
        assertThat(get("/api/disclosures?status=DONE", true).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String path, String body, boolean auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(b, auth);
    }

    private HttpResponse<String> get(String path, boolean auth) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), auth);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, boolean auth) {
        if (auth) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
