package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Homophone (pinyin) typo correction against the corpus's own vocabulary. */
class QueryCorrectorTest {

    static final Analyzer SMARTCN = new SmartChineseAnalyzer();

    /** A vocabulary whose words are also its bigrams, with the given document frequencies. */
    static HomophoneVocabulary vocabulary(Map<String, Integer> words, Map<String, Integer> otherBigrams) {
        Map<String, Integer> bigrams = new HashMap<>(otherBigrams);
        words.forEach((w, n) -> {
            if (w.length() == 2) {
                bigrams.merge(w, n, Integer::sum);
            }
        });
        return new HomophoneVocabulary(bigrams, words, KbHarness.VOCABULARY);
    }

    static String correct(HomophoneVocabulary v, String question) {
        return v.correct(question, text -> QueryCorrector.segment(SMARTCN, KbHarness.VOCABULARY, text)).text();
    }

    static final HomophoneVocabulary POLICY = vocabulary(Map.ofEntries(Map.entry("申请", 20), Map.entry("政府", 30),
            Map.entry("信息", 25), Map.entry("公开", 25), Map.entry("收费", 5), Map.entry("答复", 6), Map.entry("期限", 5),
            Map.entry("公示", 50), Map.entry("体制", 20), Map.entry("具体", 3), Map.entry("银行", 5)), Map.of());

    @Test
    void replacesATypoByTheCorpusWordThatSoundsTheSame() {
        HomophoneVocabulary.Correction c = POLICY.correct("申清政府信息公开要收废吗",
                text -> QueryCorrector.segment(SMARTCN, KbHarness.VOCABULARY, text));
        assertThat(c.text()).isEqualTo("申请政府信息公开要收费吗");
        assertThat(c.changes()).containsExactly("申清→申请", "收废→收费");
        assertThat(correct(POLICY, "政付信息公开答付期线是多久")).isEqualTo("政府信息公开答复期限是多久");
    }

    @Test
    void anyReadingOfAPolyphonicCharacterMatches() {
        // 行 reads xing, hang and heng; 航 reads hang
        assertThat(correct(POLICY, "银航卡丢了")).startsWith("银行");
    }

    @Test
    void leavesCorrectWordsAlone() {
        assertThat(correct(POLICY, "申请政府信息公开要收费吗")).isEqualTo("申请政府信息公开要收费吗");
        // a general word the corpus lacks is not turned into its frequent homophone (公式 → 公示)
        assertThat(correct(POLICY, "这个公式怎么算")).isEqualTo("这个公式怎么算");
        // 体指 → 体制 would break the word 具体
        assertThat(correct(POLICY, "具体指的是什么")).isEqualTo("具体指的是什么");
    }

    @Test
    void correctsOnlyWhatTheCorpusHasRarelyAndTheHomophoneOften() {
        HomophoneVocabulary typoInCorpus = vocabulary(Map.of("收费", 20), Map.of("收废", 1));
        assertThat(correct(typoInCorpus, "要收废吗")).isEqualTo("要收费吗");
        HomophoneVocabulary bothCommon = vocabulary(Map.of("收费", 20), Map.of("收废", 5));
        assertThat(correct(bothCommon, "要收废吗")).isEqualTo("要收废吗");
        assertThat(correct(vocabulary(Map.of(), Map.of()), "要收废吗")).isEqualTo("要收废吗");
    }

    @Test
    void segmentsOnlyQuestionsThatHaveACandidate() {
        AtomicInteger segmented = new AtomicInteger();
        POLICY.correct("申请政府信息公开要收费吗", text -> {
            segmented.incrementAndGet();
            return QueryCorrector.segment(SMARTCN, KbHarness.VOCABULARY, text);
        });
        assertThat(segmented).hasValue(0);
        POLICY.correct("申清政府信息公开要收费吗", text -> {
            segmented.incrementAndGet();
            return QueryCorrector.segment(SMARTCN, KbHarness.VOCABULARY, text);
        });
        assertThat(segmented).hasValue(1);
    }

    /** Over the sample documents the embedded profile imports. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OverTheSampleDocuments {

        KbHarness kb;
        QueryCorrector corrector;

        @BeforeAll
        void index(@TempDir Path dataDir) throws Exception {
            kb = new KbHarness(new Embedder(), Path.of("src/main/resources/kb/samples"), dataDir);
            corrector = new QueryCorrector(kb.index, KbHarness.VOCABULARY);
        }

        @AfterAll
        void close() throws Exception {
            corrector.destroy();
            kb.close();
        }

        @Test
        void correctsTyposAndLeavesCorrectQuestionsAlone() {
            assertThat(corrector.correct("申清政府信息公开要收废吗").text()).contains("申请", "收费");
            for (String q : List.of("申请政府信息公开要收费吗", "政府信息公开申请多久答复？", "解读材料几天内发布？",
                    "重大舆情多久发布权威信息", "延长答复期限最长多久", "可以当面申请吗")) {
                assertThat(corrector.correct(q).text()).as(q).isEqualTo(q);
            }
        }

        @Test
        void aQuestionWithTyposFindsWhatTheCorrectQuestionFinds() {
            List<SearchHit> typed = kb.retriever.search("申清政府信息公开要收废吗", 3);
            List<SearchHit> correct = kb.retriever.search("申请政府信息公开要收费吗", 3);
            assertThat(typed.get(0).chunkId()).isEqualTo(correct.get(0).chunkId());
            assertThat(typed.get(0).text()).contains("收取费用");
        }

        @Test
        void theVocabularyFollowsTheIndex() {
            assertThat(corrector.vocabulary()).isSameAs(corrector.vocabulary());
            assertThat(corrector.correct("怎么领取补帖").text()).isEqualTo("怎么领取补帖");
            String text = "困难群众可以申请生活补贴。补贴标准按照有关规定执行。";
            kb.index.add(new IndexedChunk(1000, 1000, 0, "补贴办法", null, null, null, KnowledgeDocument.CURRENT,
                    "", text, kb.embedder.passage(text), null));
            kb.index.commit(2);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> corrector.correct("怎么领取补帖").text().equals("怎么领取补贴"));
        }
    }
}
