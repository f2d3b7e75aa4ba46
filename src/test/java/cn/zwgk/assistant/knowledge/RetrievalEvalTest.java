package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.zwgk.assistant.support.Required;

/**
 * The retrieval floor on the dev question set over the five real documents in
 * {@code ../shared/corpus} beside the checkout, where CI has it ({@code -Dkb.corpus} to point
 * elsewhere; else {@code /work/shared/corpus}).
 * Skipped when the corpus is not there, failed under {@code CI=true} ({@link Required}). Figures:
 * docs/knowledge.md.
 */
class RetrievalEvalTest {

    static final Path CORPUS = Path.of(System.getProperty("kb.corpus", "../shared/corpus"));
    static final Path WORKTREE_CORPUS = Path.of("/work/shared/corpus");

    @TempDir
    Path dataDir;

    /**
     * The corpus: {@code -Dkb.corpus}, else {@code ../shared/corpus}, else {@code /work/shared/corpus} (a
     * worktree, or a CI checkout elsewhere on the machine). None there: skipped, or failed under CI=true.
     */
    static Path corpus() {
        boolean fallBack = !Files.isDirectory(CORPUS) && System.getProperty("kb.corpus") == null;
        Path corpus = fallBack ? WORKTREE_CORPUS : CORPUS;
        Required.assume(Files.isDirectory(corpus), "no corpus at " + CORPUS.toAbsolutePath().normalize()
                + (corpus.equals(CORPUS) ? "" : " or " + corpus));
        return corpus;
    }

    @Test
    void hybridRetrievalMeetsTheFloorOnTheDevSet() throws Exception {
        Path corpus = corpus();
        Path qa = Path.of(getClass().getResource("/kb/dev-qa.jsonl").toURI());
        assertThat(Files.readAllLines(qa)).hasSizeGreaterThanOrEqualTo(60);
        try (KbHarness kb = new KbHarness(new Embedder(), corpus, dataDir)) {
            RetrievalEval.Result result = RetrievalEval.run(qa, 5, dataDir.resolve("out.jsonl"), kb.retriever::search);
            assertThat(result.hit1()).as(result.summary()).isGreaterThanOrEqualTo(0.85);
            assertThat(result.hit3()).as(result.summary()).isGreaterThanOrEqualTo(0.95);
            assertThat(Files.readAllLines(dataDir.resolve("out.jsonl"))).hasSize(result.questions());
        }
    }
}
