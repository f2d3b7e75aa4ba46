package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import cn.zwgk.assistant.conversation.ConversationService;
import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first seconds after a start, held open: the sample import waits for the test's go-ahead. Until
 * it has finished the instance is not ready and a policy question gets "still loading", not "not found".
 */
@IntegrationTest
class KnowledgeReadinessIT {

    static final CountDownLatch IMPORT_STARTED = new CountDownLatch(1);
    static final CountDownLatch GO_AHEAD = new CountDownLatch(1);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The real sample import, which first waits for the test's go-ahead. */
    @TestConfiguration(proxyBeanMethods = false)
    static class HeldSampleImport {

        @Bean
        @Primary
        SampleDocuments heldSampleDocuments(DocumentStore store, DocumentImporter importer) {
            return new SampleDocuments(store, importer) {
                @Override
                void importIfEmpty() {
                    IMPORT_STARTED.countDown();
                    try {
                        GO_AHEAD.await(3, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    super.importIfEmpty();
                }
            };
        }
    }

    @LocalServerPort
    int port;
    /** Readiness and liveness live on the management port (loopback); the public port serves /actuator/health. */
    @LocalManagementPort
    int managementPort;

    @Autowired
    KnowledgeService knowledge;

    @Autowired
    ConversationService conversation;

    @Autowired
    Texts texts;

    @Test
    void notReadyAndStillLoadingUntilTheSampleImportHasFinished() throws Exception {
        assertThat(IMPORT_STARTED.await(2, TimeUnit.MINUTES)).isTrue();
        String user = "oLoad" + UUID.randomUUID().toString().substring(0, 8);
        try {
            HttpResponse<String> readiness = management("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(status(readiness.body())).isEqualTo("OUT_OF_SERVICE");
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode components = JSON.readTree(health.body()).path("components");
            assertThat(components.path("knowledge").path("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
            assertThat(components.path("redis").path("status").asString()).isEqualTo("UP");
            HttpResponse<String> liveness = management("/actuator/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(status(liveness.body())).isEqualTo("UP");

            assertThat(knowledge.ready()).isFalse();
            Answer early = knowledge.ask("依申请公开多久能答复？");
            assertThat(early.text()).isEqualTo(texts.get("knowledge.answer.loading"));
            assertThat(early.mode()).isEqualTo("LOADING");
            assertThat(early.grounded()).isFalse();
            assertThat(say(user, "依申请公开多久能答复？")).isEqualTo(texts.get("knowledge.answer.loading"));
        } finally {
            GO_AHEAD.countDown();
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> management("/actuator/health/readiness").statusCode() == 200);
        assertThat(status(management("/actuator/health/readiness").body())).isEqualTo("UP");
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).at("/components/knowledge/status").asString()).isEqualTo("UP");
        assertThat(knowledge.ready()).isTrue();
        assertThat(knowledge.documents()).extracting(KnowledgeDocument::title).contains("示例市人民政府办公室政府信息公开指南");
        assertThat(say(user, "依申请公开多久能答复？")).contains("20个工作日", "[1]", "示例市人民政府办公室政府信息公开指南");
    }

    private String say(String openid, String text) {
        return conversation.handle(new InboundMessage("wx5f8e2d1c0b9a7e01", openid, InboundMessage.Kind.TEXT, text,
                null, null, UUID.randomUUID().toString(), Instant.now())).text();
    }

    private static String status(String body) {
        return JSON.readTree(body).path("status").asString();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(port, path);
    }

    private HttpResponse<String> management(String path) throws Exception {
        return get(managementPort, path);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
