package cn.zwgk.assistant.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.zwgk.assistant.platform.Redis;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A full run written to a log file, the application's own loggers at DEBUG: start-up, two
 * disclosure conversations with every kind of personal data the dialog collects (name, ID number,
 * phone, postal address, e-mail; a wrong ID, an e-mail typed when the phone was asked for, an
 * address typed when the form was asked for), a policy question carrying ID and phone, staff API
 * calls (a letter registered, read, accepted, a bad request), a failing language model. None of
 * it may be kept in the clear: not in the log file, not in the conversation log, not in Redis
 * (the in-flight answers of the webhook, sessions, pages), and the bot's echoes are masked. The
 * log file also holds none of the secrets.
 */
@IntegrationTest
// logging is set up before dynamic properties are read: these must be plain test properties
@TestPropertySource(properties = {"logging.file.name=target/logscan/${test.backend:embedded}.log",
        "logging.level.cn.zwgk.assistant=DEBUG"})
class LogScanIT {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final Path LOG = fresh(Path.of("target", "logscan", System.getProperty("test.backend", "embedded") + ".log"));
    static final String ADMIN_PASSWORD = "Adm1n-" + UUID.randomUUID();
    static final String LLM_KEY = "sk-logscan-" + UUID.randomUUID();
    static final String DATA_KEY = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32)
            .getBytes(StandardCharsets.UTF_8));
    static final String WECHAT_SECRET = "local-dev-secret";
    static final String AES_KEY = "endnay1sb2NhbC1kZXYtZW5jb2RpbmctYWVzLWtleSE";
    static final String CITIZEN_ID = withCheck("11010519880315123");
    static final String LETTER_ID = withCheck("44030119750822451");
    static final String SECOND_ID = withCheck("11010519900101123");
    static final List<String> PHONES = List.of("13912345678", "13700137000", "15811112222", "13611113333");
    static final String EMAIL = "qianba.home@example.com";
    /** Names, addresses (and parts of them) of the test data, none of which may be kept in the clear. */
    static final List<String> WORDS = List.of("赵六", "钱八", "正义路2号院", "深南大道1号", "幸福家园", EMAIL, "qianba.home");
    static final Pattern ANY_ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    static final Pattern ANY_MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Redis redis;

    private final HttpClient http = HttpClient.newHttpClient();

    /*
     * Spring Boot sets logging up once per JVM, until a context closes: a context started while another
     * (cached by an earlier test class) is open keeps that one's logging, without this log file. Marked
     * uninitialised, the logging is set up again by this class's context, with its file.
     */
    @BeforeAll
    static void loggingOfThisContext() {
        LoggingSystem.get(LogScanIT.class.getClassLoader()).cleanUp();
    }

    @DynamicPropertySource
    static void logging(DynamicPropertyRegistry registry) {
        registry.add("access.admin-password", () -> ADMIN_PASSWORD);
        registry.add("platform.data-encryption-key", () -> DATA_KEY);
        registry.add("knowledge.llm-base-url", () -> "http://127.0.0.1:9/v1");
        registry.add("knowledge.llm-model", () -> "stand-in");
        registry.add("knowledge.llm-api-key", () -> LLM_KEY);
    }

    @Test
    void aFullRunLogsNoPersonalDataAndNoSecret() throws Exception {
        String user = "oLog" + UUID.randomUUID().toString().substring(0, 8);
        say(user, "我要申请公开2025年本区老旧小区改造项目的资金安排文件");
        say(user, "公民");
        say(user, "我叫赵六，电话" + PHONES.get(0));
        say(user, "110101199003074478");
        say(user, CITIZEN_ID);
        say(user, "纸质的，邮寄给我");
        say(user, "北京市东城区正义路2号院3号楼 赵六收");
        say(user, "电话改为" + PHONES.get(2));
        String done = say(user, "确认");
        assertThat(done).contains("YSQ-");
        say(user, "查询进度");
        List<String> echoes = new ArrayList<>();
        String second = "oLog" + UUID.randomUUID().toString().substring(0, 8);
        say(second, "我要申请公开2026年本区城市更新专项规划的批复文件");
        say(second, "公民");
        echoes.add(say(second, "钱八"));
        echoes.add(say(second, SECOND_ID));
        echoes.add(say(second, EMAIL)); // the phone was asked for
        echoes.add(say(second, PHONES.get(3)));
        echoes.add(say(second, "我住朝阳区幸福家园")); // the form was asked for
        echoes.add(say(second, "电子版，电子邮件"));
        assertThat(echoes.get(echoes.size() - 1)).as("the summary").contains("钱*", "136****3333", "q***@example.com");
        assertThat(say(second, "确认")).contains("YSQ-");
        say("oLog" + UUID.randomUUID().toString().substring(0, 8),
                "我身份证" + CITIZEN_ID + "，手机" + PHONES.get(0) + "，依申请公开多久答复？");

        String letter = """
                {"applicantType":"CITIZEN","applicantName":"钱七","idNumber":"%s","phone":"%s",
                 "address":"广东省深圳市福田区深南大道1号","email":null,"description":"2025年本区道路维修资金安排文件",
                 "form":"PAPER","delivery":"MAIL","channel":"LETTER","receivedOn":"2026-11-02"}"""
                .formatted(LETTER_ID, PHONES.get(1));
        HttpResponse<String> created = api("POST", "/api/disclosures", letter);
        assertThat(created.statusCode()).isEqualTo(201);
        String no = created.body().replaceAll(".*\"trackingNo\":\"(YSQ-[0-9-]+)\".*", "$1");
        assertThat(api("GET", "/api/disclosures/" + no, null).statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/disclosures/" + no + "/accept", "{}").statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/disclosures", letter.replace(LETTER_ID, LETTER_ID.substring(0, 17) + "0"))
                .statusCode()).isEqualTo(400);
        assertThat(api("POST", "/api/kb/ask", "{\"question\":\"手机" + PHONES.get(1) + "，依申请公开需要什么材料？\"}")
                .statusCode()).isEqualTo(200);
        // the conversation log is written off the request path, in order: wait for the last message's row
        await().atMost(Duration.ofSeconds(10)).until(() -> conversationLog().contains("依申请公开多久答复"));

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).contains("Started").hasSizeGreaterThan(2000);
        assertNothingPersonal("the log file", log);
        assertThat(log).doesNotContain(ADMIN_PASSWORD, LLM_KEY, DATA_KEY, WECHAT_SECRET, AES_KEY);

        String conversationLog = conversationLog();
        assertThat(conversationLog).contains("钱*", "136****3333", "q***@example.com");
        assertNothingPersonal("the conversation log", conversationLog);
        assertNothingPersonal("the bot's echoes", String.join("\n", echoes));
        assertNothingPersonal("Redis", redisValues());
    }

    private String conversationLog() {
        return String.join("\n", jdbc.sql("select inbound_text, reply_text from conversation_log")
                .query((rs, n) -> rs.getString(1) + " | " + rs.getString(2)).list());
    }

    private static void assertNothingPersonal(String where, String text) {
        assertThat(found(ANY_ID, text)).as("ID numbers in " + where).allMatch(s -> !validId(s));
        assertThat(found(ANY_MOBILE, text)).as("mobile numbers in " + where).doesNotContainAnyElementsOf(PHONES);
        assertThat(text).as(where).doesNotContain(CITIZEN_ID, LETTER_ID, SECOND_ID);
        assertThat(text).as(where).doesNotContain(WORDS);
    }

    /** Every value under this run's key prefix: strings, lists, hashes, sorted sets. */
    private String redisValues() {
        StringBuilder all = new StringBuilder();
        ScanParams match = new ScanParams().match(redis.key("") + "*").count(500);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.jedis().scan(cursor, match);
            for (String key : page.getResult()) {
                switch (redis.jedis().type(key)) {
                    case "string" -> all.append(redis.jedis().get(key));
                    case "list" -> all.append(redis.jedis().lrange(key, 0, -1));
                    case "hash" -> all.append(redis.jedis().hgetAll(key));
                    case "zset" -> all.append(redis.jedis().zrange(key, 0, -1));
                    default -> all.append(key);
                }
                all.append('\n');
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        assertThat(all).as("Redis holds this run's answers and sessions").contains("136****3333");
        return all.toString();
    }

    private String say(String openid, String text) {
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        return WechatTestClient.extract(wechat.postPlain(wechat.textXml(openid, text, WechatTestClient.nextMsgId())).body(),
                "Content");
    }

    private HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> found(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Removes the previous run's file (this class loads before its application context starts). */
    static Path fresh(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static boolean validId(String id) {
        return withCheck(id.substring(0, 17)).equalsIgnoreCase(id);
    }
}
