package cn.zwgk.assistant.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.knowledge.KnowledgeDocument;
import cn.zwgk.assistant.knowledge.KnowledgeService;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.ConsoleUsers;
import cn.zwgk.assistant.support.IntegrationTest;

/** The knowledge-base screens over HTTP: who may change what, upload, metadata edit with validation, repeal, rebuild. */
@IntegrationTest
class KnowledgeConsoleIT {

    static final String TITLE = "示范市非机动车道养护管理办法";

    @Autowired
    UserAccounts accounts;
    @Autowired
    KnowledgeService knowledge;
    @LocalServerPort
    int port;

    @Test
    void aHandlerMayTryQuestionsButChangesNothing() {
        String handler = ConsoleUsers.ensure(accounts, "kb-handler", Role.HANDLER);
        ConsoleSession session = new ConsoleSession(port);
        session.login(handler, ConsoleUsers.PASSWORD);
        int before = knowledge.documents().size();

        HttpResponse<String> page = session.get("/console/kb");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"kb-try\"").doesNotContain("id=\"kb-upload\"").doesNotContain("id=\"reindex\"");

        assertThat(session.postMultipart("/console/kb/upload", Map.of(), "file",
                Map.of("bike-lanes.txt", sample("bike-lanes.txt"))).statusCode()).isEqualTo(403);
        assertThat(session.postForm("/console/kb/reindex", Map.of()).statusCode()).isEqualTo(403);
        assertThat(session.postForm("/console/kb/1/repeal", Map.of()).statusCode()).isEqualTo(403);
        assertThat(knowledge.documents()).hasSize(before);

        HttpResponse<String> tried = session.postForm("/console/kb/try", Map.of("question", "非机动车道坏了多久修好？"));
        assertThat(tried.statusCode()).isEqualTo(200);
        assertThat(tried.body()).contains("try-result").doesNotContain("<html")
                .doesNotContain("EXTRACTIVE", "GENERATIVE", "NO_EVIDENCE", "LOADING"); // the answer mode in Chinese
        HttpResponse<String> empty = session.postForm("/console/kb/try", Map.of("question", "  "));
        assertThat(empty.body()).contains("请输入要试问的问题");
    }

    @Test
    void anAdminUploadsCorrectsTheMetadataRepealsAndRebuildsTheIndex() {
        ConsoleSession admin = new ConsoleSession(port);
        admin.login("admin", "admin");
        admin.get("/console/kb");

        HttpResponse<String> upload = admin.postMultipart("/console/kb/upload", Map.of("department", ""), "file",
                Map.of("bike-lanes.txt", sample("bike-lanes.txt")));
        assertThat(upload.statusCode()).isEqualTo(302);
        HttpResponse<String> list = admin.get("/console/kb");
        assertThat(list.body()).contains("已导入").contains(TITLE);
        KnowledgeDocument doc = knowledge.documents().stream().filter(d -> d.title().equals(TITLE)).findFirst().orElseThrow();

        // invalid: the date; nothing changes and the officer's input is still in the form
        admin.get("/console/kb/" + doc.id() + "/edit");
        HttpResponse<String> refused = admin.postForm("/console/kb/" + doc.id() + "/edit", Map.of(
                "title", "养护办法（改）", "publishedOn", "2026-13-45", "docNumber", "示交规〔2026〕4号", "issuer", "", "indexNo", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("日期格式应为 YYYY-MM-DD").contains("value=\"养护办法（改）\"")
                .contains("value=\"2026-13-45\"");
        HttpResponse<String> noTitle = admin.postForm("/console/kb/" + doc.id() + "/edit", Map.of("title", " "));
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("此项为必填项");
        assertThat(knowledge.document(doc.id()).orElseThrow().title()).isEqualTo(TITLE);

        String revised = TITLE + "（2026年修订）";
        HttpResponse<String> saved = admin.postForm("/console/kb/" + doc.id() + "/edit", Map.of("title", revised,
                "publishedOn", "2026-02-01", "docNumber", "示交规〔2026〕4号", "issuer", "示范市交通运输局", "indexNo", ""));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.get("/console/kb").body()).contains("已保存《" + revised + "》的元数据");
        KnowledgeDocument edited = knowledge.document(doc.id()).orElseThrow();
        assertThat(edited.title()).isEqualTo(revised);
        assertThat(edited.publishedOn()).isEqualTo("2026-02-01");
        assertThat(edited.docNumber()).isEqualTo("示交规〔2026〕4号");
        assertThat(knowledge.search("非机动车道路面坑槽多久修复", 5))
                .filteredOn(h -> h.documentId() == doc.id()).isNotEmpty().allMatch(h -> h.title().equals(revised));

        assertThat(admin.postForm("/console/kb/" + doc.id() + "/repeal", Map.of()).statusCode()).isEqualTo(302);
        assertThat(knowledge.document(doc.id()).orElseThrow().status()).isEqualTo(KnowledgeDocument.REPEALED);
        assertThat(admin.get("/console/kb").body()).contains("已废止");

        assertThat(admin.postForm("/console/kb/reindex", Map.of()).statusCode()).isEqualTo(302);
        assertThat(admin.get("/console/kb").body()).contains("检索索引已重建");
        assertThat(knowledge.search("非机动车道路面坑槽多久修复", 5)).anyMatch(h -> h.documentId() == doc.id());

        HttpResponse<String> unsupported = admin.postMultipart("/console/kb/upload", Map.of(), "file",
                Map.of("tool.exe", new byte[] {1, 2, 3}));
        assertThat(unsupported.statusCode()).isEqualTo(302);
        assertThat(admin.get("/console/kb").body()).contains("不支持的文件类型：tool.exe");
    }

    static byte[] sample(String name) {
        try (InputStream in = KnowledgeConsoleIT.class.getResourceAsStream("/console/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
