package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import cn.zwgk.assistant.Application;
import cn.zwgk.assistant.support.ProcessTree;
import cn.zwgk.assistant.support.TestBackends;

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

    private Run cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m"));
        backend.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dknowledge.import-samples=false");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Application.class.getName()));
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
