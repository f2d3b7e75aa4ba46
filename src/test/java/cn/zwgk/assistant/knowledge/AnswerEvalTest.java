package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answer-level floors on the dev sets over the five documents of {@code ../shared/corpus} (and the bundled sample documents): what the
 * citizen reads states the asked fact, first line included, and questions the documents do not
 * answer are refused. Under {@code CI=true} a missing corpus fails the test. Figures: docs/knowledge.md.
 */
class AnswerEvalTest {

    private static KbHarness kb;

    @BeforeAll
    static void buildIndex() throws Exception {
        Path corpus = RetrievalEvalTest.corpus();
        kb = new KbHarness(new Embedder(), corpus, Files.createTempDirectory("kb-answers"));
    }

    @AfterAll
    static void close() throws Exception {
        if (kb != null) {
            kb.close();
        }
    }

    private static AnswerEval.Result eval(String set) throws Exception {
        Path qa = Path.of(AnswerEvalTest.class.getResource(set).toURI());
        return AnswerEval.run(qa, null, kb.answers::answer, kb.retriever::search);
    }

    @Test
    void documentWordedQuestionsAreAnsweredFirstLine() throws Exception {
        AnswerEval.Result r = eval("/kb/dev-qa.jsonl");
        assertThat(r.firstLineHit()).as(r.summary()).isGreaterThanOrEqualTo(0.82);
        assertThat(r.answerHit()).as(r.summary()).isGreaterThanOrEqualTo(0.83);
    }

    @Test
    void colloquialQuestionsAreAnswered() throws Exception {
        AnswerEval.Result r = eval("/kb/dev/colloquial-dev.jsonl");
        assertThat(r.answerHit()).as(r.summary()).isGreaterThanOrEqualTo(0.62);
        assertThat(r.firstLineHit()).as(r.summary()).isGreaterThanOrEqualTo(0.55);
        assertThat(r.hit3()).as(r.summary()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void questionsTheDocumentsDoNotAnswerAreRefused() throws Exception {
        AnswerEval.Result r = eval("/kb/dev/unanswerable-dev.jsonl");
        assertThat(r.unanswerable()).isGreaterThanOrEqualTo(15);
        assertThat(r.refused()).as(r.summary() + " " + r.misses()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void theSampleDocumentsQuestionsAreAnsweredFirstLine() throws Exception {
        Path qa = Path.of(AnswerEvalTest.class.getResource("/kb/dev/samples-dev.jsonl").toURI());
        try (KbHarness samples = new KbHarness(new Embedder(), Path.of("src/main/resources/kb/samples"),
                Files.createTempDirectory("kb-samples"))) {
            AnswerEval.Result r = AnswerEval.run(qa, null, samples.answers::answer, samples.retriever::search);
            assertThat(r.answerHit()).as(r.summary() + " " + r.misses()).isGreaterThanOrEqualTo(0.90);
            assertThat(r.firstLineHit()).as(r.summary() + " " + r.misses()).isGreaterThanOrEqualTo(0.85);
        }
    }

    @Test
    void anAnswerThatOnlyJustAddressesTheQuestionIsOfLowConfidence() throws Exception {
        try (KbHarness samples = new KbHarness(new Embedder(), Path.of("src/main/resources/kb/samples"),
                Files.createTempDirectory("kb-low"))) {
            Answer clear = samples.answers.answer("多久答复");
            assertThat(clear.grounded()).isTrue();
            assertThat(clear.lowConfidence()).isFalse();
            Answer weak = samples.answers.answer("几点能去窗口递申请？");
            assertThat(weak.grounded()).isTrue();
            assertThat(weak.lowConfidence()).as("it passes the grounding check by less than the margin").isTrue();
            assertThat(samples.answers.answer("政务公开的基本原则是什么？").lowConfidence()).isFalse();
        }
    }
}
