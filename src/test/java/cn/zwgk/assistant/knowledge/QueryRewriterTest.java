package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rewriting a colloquial question into document wording before retrieval, through langchain4j's real
 * OpenAI client against a stand-in endpoint, over the sample documents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryRewriterTest {

    static final String COLLOQUIAL = "找你们要份文件得掏钱不";
    static final Duration BUDGET = Duration.ofMillis(1000);
    static final String SYSTEM = new PromptTemplates(properties(null, BUDGET)).get("kb-rewrite-system.txt");

    StandInChatServer server;
    QueryRewriter rewriter;
    KbHarness kb;
    KbHarness plain;

    static KnowledgeProperties properties(String baseUrl, Duration rewriteTimeout) {
        return new KnowledgeProperties(false, 0.45, 0.79, Duration.ofSeconds(5), "prompts", baseUrl, "test-key-123456",
                "stand-in", Duration.ofSeconds(3), rewriteTimeout, false);
    }

    @BeforeAll
    void start(@TempDir Path withRewrites, @TempDir Path without) throws Exception {
        server = new StandInChatServer();
        warmUp();
        KnowledgeProperties props = properties(server.baseUrl(), BUDGET);
        rewriter = new QueryRewriter(props, new PromptTemplates(props));
        Path samples = Path.of("src/main/resources/kb/samples");
        kb = new KbHarness(new Embedder(), samples, withRewrites, rewriter);
        plain = new KbHarness(new Embedder(), samples, without);
    }

    /** The first call in a JVM loads the HTTP client and JSON classes, which can take seconds on a busy machine. */
    void warmUp() {
        server.reply = body -> "预热";
        KnowledgeProperties patient = properties(server.baseUrl(), Duration.ofSeconds(60));
        QueryRewriter first = new QueryRewriter(patient, new PromptTemplates(patient));
        first.start("预热一下").result();
        first.destroy();
    }

    @AfterAll
    void stop() throws Exception {
        rewriter.destroy();
        server.close();
        kb.close();
        plain.close();
    }

    @BeforeEach
    void reset() {
        server.requests.clear();
        server.delayMillis = 0;
        server.status = 200;
    }

    static List<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::chunkId).toList();
    }

    @Test
    void theRewriteIsSearchedAlongsideTheQuestion() {
        server.reply = body -> "提供政府信息是否收取费用";
        List<SearchHit> hits = kb.retriever.search(COLLOQUIAL, 3);
        assertThat(server.requests).singleElement().asString().contains("找你们要份文件得掏钱不", "stand-in");
        assertThat(hits.get(0).text()).contains("不收取费用");
        assertThat(plain.retriever.search(COLLOQUIAL, 1).get(0).text()).as("without the rewrite")
                .doesNotContain("不收取费用");
    }

    @Test
    void whatTheQuestionFindsIsKeptWhenTheRewriteLeadsElsewhere() {
        String question = "申请政府信息公开要收费吗";
        server.reply = body -> "发生重大舆情多久发布权威信息";
        List<SearchHit> alone = plain.retriever.search(question, 3);
        assertThat(ids(kb.retriever.search(question + "？", 5))).contains(alone.get(0).chunkId());
    }

    @Test
    void aSlowModelIsNotWaitedForBeyondTheBudget() {
        server.delayMillis = 6000;
        server.reply = body -> "提供政府信息是否收取费用";
        long started = System.nanoTime();
        List<SearchHit> hits = kb.retriever.search(COLLOQUIAL + "呀", 3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BUDGET.plusSeconds(2));
        assertThat(ids(hits)).isEqualTo(ids(plain.retriever.search(COLLOQUIAL + "呀", 3)));
    }

    @Test
    void aFailingModelLeavesTheQuestionAsAsked() {
        server.status = 500;
        assertThat(ids(kb.retriever.search(COLLOQUIAL + "啊", 3))).isEqualTo(ids(plain.retriever.search(COLLOQUIAL + "啊", 3)));
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void personalDataIsMaskedBeforeItIsSent() {
        server.reply = body -> "依申请公开的答复期限";
        rewriter.start("我身份证11010519491231002X，手机13912345678，申请了多久给回话").result();
        assertThat(server.requests).singleElement().asString()
                .doesNotContain("11010519491231002X", "13912345678").contains("110***********002X", "139****5678");
    }

    @Test
    void onlyAPlausibleRewriteIsUsed() {
        String q = "申请了多久给回话";
        assertThat(QueryRewriter.accept("依申请公开的答复期限", q, SYSTEM)).contains("依申请公开的答复期限");
        assertThat(QueryRewriter.accept("改写：“依申请公开的答复期限”\n说明：……", q, SYSTEM)).contains("依申请公开的答复期限");
        assertThat(QueryRewriter.accept("[手机号]申请政府信息公开的答复期限", q, SYSTEM)).contains("申请政府信息公开的答复期限");
        assertThat(QueryRewriter.accept("依申請公開的答覆期限", q, SYSTEM)).as("Simplified").contains("依申请公开的答覆期限");
        assertThat(QueryRewriter.accept(null, q, SYSTEM)).isEmpty();
        assertThat(QueryRewriter.accept("  ", q, SYSTEM)).isEmpty();
        assertThat(QueryRewriter.accept("OK", q, SYSTEM)).isEmpty();
        assertThat(QueryRewriter.accept(q, q, SYSTEM)).as("nothing new").isEmpty();
        assertThat(QueryRewriter.accept("答复期限详见 http://evil.example/claim", q, SYSTEM)).isEmpty();
        assertThat(QueryRewriter.accept("依申请公开3个工作日内答复[1]", q, SYSTEM)).isEmpty();
        assertThat(QueryRewriter.accept("依申请公开一律3个工作日内答复", q, SYSTEM)).as("a number the question lacks").isEmpty();
        assertThat(QueryRewriter.accept("依申请公开的答复期限" + "，以及相关的规定".repeat(20), q, SYSTEM)).as("too long").isEmpty();
        assertThat(QueryRewriter.accept(SYSTEM.lines().findFirst().orElseThrow(), q, SYSTEM)).as("its instructions").isEmpty();
        assertThat(QueryRewriter.accept("20个工作日内答复吗", "20个工作日内能答复吗", SYSTEM)).isPresent();
    }

    @Test
    void withoutAModelNothingIsSent() {
        assertThat(KbHarness.noRewriting().start(COLLOQUIAL).result()).isEmpty();
        KnowledgeProperties off = properties(server.baseUrl(), Duration.ZERO);
        assertThat(new QueryRewriter(off, new PromptTemplates(off)).start(COLLOQUIAL).result()).isEmpty();
        assertThat(server.requests).isEmpty();
    }
}
