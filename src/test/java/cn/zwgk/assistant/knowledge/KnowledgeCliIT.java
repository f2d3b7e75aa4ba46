package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import cn.zwgk.assistant.Application;
import cn.zwgk.assistant.support.AdminApi;
import cn.zwgk.assistant.support.AppProcess;
import cn.zwgk.assistant.support.ProcessTree;
import cn.zwgk.assistant.support.TestBackends;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code kb} commands as an operator runs them: the same main class as the server, in a JVM of
 * its own, without a web server, on one data folder and database across runs.
 */
class KnowledgeCliIT {

    static final String PARKING_RULES = """
            示例区机关停车场管理办法
            发布机构：示例区机关事务管理局  发布日期：2025-03-10  文号：示机管〔2025〕4号
            一、开放时间
            停车场工作日7时至19时对办事群众免费开放，每次停放不超过3小时。
            二、车辆登记
            办事群众凭预约短信登记车牌后入场。
            """;

    static final String LIBRARY_PAGE = """
            <html><head><title>示例区图书馆读者证办理须知</title></head><body>
            <div class="nav">首页 &gt; 政务公开 &gt; 通知公告</div>
            <div class="article"><h1>示例区图书馆读者证办理须知</h1>
            <p>发布机构：示例区文化和旅游局  发布日期：2025-08-01</p>
            <p>一、办理条件</p><p>年满十四周岁的居民凭身份证即可办理读者证，押金全免。</p>
            <p>二、借阅数量</p><p>每证可同时借阅图书6册，借期30天，可续借一次。</p>
            </div><div class="footer">版权所有 示例区人民政府 上一篇 下一篇</div></body></html>
            """;

    static final String EXAMPLE_TITLE = "示例市政务服务中心关于推行延时和周末服务的通告";
    static final JsonMapper JSON = JsonMapper.builder().build();

    final Map<String, String> backend = TestBackends.properties();

    @Test
    void importsAFolderAndAUrlListThenEvaluatesRetrieval() throws Exception {
        Path folder = Files.createTempDirectory("kb-cli-folder");
        Files.writeString(folder.resolve("parking.txt"), PARKING_RULES);
        Files.write(folder.resolve("broken.pdf"), "%PDF-1.7 truncated".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(folder.resolve("notes.xyz"), "not a document type");

        Run first = cli("kb", "import", folder.toString());
        assertThat(first.exitCode).as(first.output).isEqualTo(1);
        assertThat(first.output).containsPattern("CREATED\\s+parking.txt")
                .containsPattern("FAILED\\s+broken.pdf").contains("2 files, 1 failed").doesNotContain("notes.xyz");

        Files.delete(folder.resolve("broken.pdf"));
        Run again = cli("kb", "import", folder.toString());
        assertThat(again.exitCode).as(again.output).isZero();
        assertThat(again.output).containsPattern("UNCHANGED\\s+parking.txt");

        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/library.html", exchange -> {
            byte[] body = LIBRARY_PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        try {
            String base = "http://127.0.0.1:" + site.getAddress().getPort();
            Path urls = Files.createTempFile("kb-urls", ".txt");
            Files.writeString(urls, "# pages to import\n" + base + "/library.html\n\n" + base + "/gone.html  # removed\n");
            Run fetched = cli("kb", "import-urls", urls.toString());
            assertThat(fetched.exitCode).as(fetched.output).isEqualTo(1);
            assertThat(fetched.output).containsPattern("CREATED\\s+" + base + "/library.html")
                    .contains("示例区图书馆读者证办理须知").containsPattern("FAILED\\s+" + base + "/gone.html\\s+HTTP 404")
                    .contains("2 URLs, 1 failed").doesNotContain("版权所有");
        } finally {
            site.stop(0);
        }

        Path qa = Files.createTempFile("kb-qa", ".jsonl");
        Files.writeString(qa, """
                {"id":"p1","question":"机关停车场一次能停多久","expected":["不超过3小时"]}
                {"id":"l1","question":"圖書館一張證能借幾本書","expected":["借阅图书6册"]}
                """);
        Path out = Files.createTempFile("kb-eval", ".jsonl");
        Run eval = cli("kb", "eval", "--qa", qa.toString(), "--k", "3", "--out", out.toString());
        assertThat(eval.exitCode).as(eval.output).isZero();
        assertThat(eval.output).contains("hit@1", "hit@3", "hit@5", "MRR");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"id\":\"p1\"").contains("\"results\":[").contains("不超过3小时");
        assertThat(lines.get(1)).startsWith("{\"id\":\"l1\"").contains("借阅图书6册");
    }

    /**
     * The README's order: the server runs (with the sample documents, on a fixed in-process Redis port)
     * and the newcomer imports the example folder with the same settings in another terminal.
     */
    @Test
    void importsTheExampleFolderWhileTheServerRunsOnTheSameDataDir() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(backend);
        settings.put("platform.embedded-redis-port", Integer.toString(freePort()));
        try (AppProcess server = AppProcess.start(settings)) {
            AdminApi api = new AdminApi(server.port());
            String question = URLEncoder.encode("政务服务中心周六上午开门吗", StandardCharsets.UTF_8);
            assertThat(api.get("/api/kb/search?q=" + question + "&k=3")).doesNotContain(EXAMPLE_TITLE);

            Run run = cli(settings, "kb", "import", "docs/examples/kb");

            assertThat(run.exitCode).as(run.output).isZero();
            assertThat(run.output).containsPattern("CREATED\\s+service-hall-hours.txt\\s+\\(\\d+ chunks, id \\d+\\)\\s+" + EXAMPLE_TITLE)
                    .contains("1 files, 0 failed (1 created, 0 updated, 0 unchanged); DATA_DIR " + backend.get("platform.data-dir"))
                    .contains("A server running on this database answers from them after its next index check")
                    .doesNotContain("Exception");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode top = JSON.readTree(api.get("/api/kb/search?q=" + question + "&k=3")).at("/results/0");
                assertThat(top.path("title").asString()).isEqualTo(EXAMPLE_TITLE);
                assertThat(top.path("text").asString()).contains("每周六上午9:00至12:00");
            });
            JsonNode answer = JSON.readTree(api.post("/api/kb/ask", "{\"question\":\"政务服务中心周六上午开门吗？\"}"));
            assertThat(answer.path("grounded").asBoolean()).as(answer.toString()).isTrue();
            assertThat(answer.at("/citations/0/title").asString()).isEqualTo(EXAMPLE_TITLE);
            assertThat(answer.at("/citations/0/text").asString()).contains("9:00至12:00");
            assertThat(server.log()).doesNotContain("LockObtainFailedException", "Database may be already in use");
            if (!TestBackends.external()) {
                assertH2ServesOnLoopbackOnly();
            }

            // evaluating needs the index, which the running server holds
            Path qa = Files.createTempFile("kb-qa", ".jsonl");
            Files.writeString(qa, "{\"id\":\"h1\",\"question\":\"政务服务中心周六上午开门吗\",\"expected\":[\"每周六上午\"]}\n");
            Run eval = cli(settings, "kb", "eval", "--qa", qa.toString());
            assertThat(eval.exitCode).as(eval.output).isEqualTo(1);
            assertThat(eval.output).doesNotContain("Exception", "\tat ");
            assertThat(lines(eval.output)).contains("kb eval: the search index under DATA_DIR/index is held by the"
                    + " server running on this DATA_DIR; stop the server, or evaluate on a copy of DATA_DIR.");
        }
    }

    @Test
    void aMissingOrEmptyFolderGetsOneSentenceBeforeAnythingStarts() throws Exception {
        Path missing = Files.createTempDirectory("kb-cli-parent").resolve("corpus");
        Run run = cli("kb", "import", missing.toString());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.output.strip()).isEqualTo("kb import: there is no folder " + missing
                + "; name a folder that holds the documents, for example: kb import docs/examples/kb");

        Path empty = Files.createTempDirectory("kb-cli-empty");
        Files.writeString(empty.resolve("notes.xyz"), "not a document type");
        Run none = cli("kb", "import", empty.toString());
        assertThat(none.exitCode).isEqualTo(2);
        assertThat(none.output.strip()).isEqualTo("kb import: " + empty
                + " holds no documents to import (.txt, .md, .html, .docx or .pdf, sub-folders included).");
    }

    private Run cli(String... args) throws IOException, InterruptedException {
        return cli(backend, args);
    }

    /** The server's H2 TCP port (AUTO_SERVER) is announced as localhost and refuses other interfaces. */
    private void assertH2ServesOnLoopbackOnly() throws IOException {
        Properties lock = new Properties();
        try (var in = Files.newInputStream(Path.of(backend.get("platform.data-dir"), "db", "zwgk.lock.db"))) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        assertThat(server).startsWith("localhost:");
        int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof Inet4Address) {
                    try (Socket socket = new Socket()) {
                        assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, port), 1000))
                                .as("H2 port on " + address).isInstanceOf(IOException.class);
                    }
                }
            }
        }
    }

    /** The output's lines (background threads may log after the command's last line). */
    static List<String> lines(String output) {
        return output.lines().map(String::strip).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Run cli(Map<String, String> settings, String... args) throws IOException, InterruptedException {
        List<String> command = AppProcess.java("768m");
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dknowledge.import-samples=false");
        command.add(Application.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (ProcessTree tree = ProcessTree.of(process)) {
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }
    }

    record Run(int exitCode, String output) {
    }
}
