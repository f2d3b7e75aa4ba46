package cn.zwgk.assistant.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import cn.zwgk.assistant.support.RepositoryTest;

/** {@link GapRepository} on the migrated schema (H2, PostgreSQL mode). */
@RepositoryTest
@Import(GapRepository.class)
class GapRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    @Autowired
    GapRepository gaps;

    @Test
    void theQuestionsSinceAMomentNewestFirstWithTheirVectors() {
        gaps.insert("wxApp", "oA", "查资料收钱吗", null, "NO_EVIDENCE", T0, new float[] {0.25f, -1f, 3.5f});
        gaps.insert("wxApp", "oB", "多久答复", "二十个工作日", "LOW_CONFIDENCE", T0.plusSeconds(60), new float[] {1f});
        gaps.insert("wxApp", "oC", "怎么申请", "通过网上平台", "UNHELPFUL", T0.plusSeconds(120), new float[] {2f});

        assertThat(gaps.since(T0.plusSeconds(60), 10)).extracting(GapRepository.Row::question)
                .containsExactly("怎么申请", "多久答复");
        assertThat(gaps.since(T0, 2)).extracting(GapRepository.Row::question).containsExactly("怎么申请", "多久答复");

        GapRepository.Row first = gaps.since(T0, 10).get(2);
        assertThat(first.appId()).isEqualTo("wxApp");
        assertThat(first.openid()).isEqualTo("oA");
        assertThat(first.answer()).isNull();
        assertThat(first.reason()).isEqualTo("NO_EVIDENCE");
        assertThat(first.askedAt()).isEqualTo(T0);
        assertThat(first.vector()).containsExactly(0.25f, -1f, 3.5f);
    }

    @Test
    void longTextsAreClippedToTheirColumns() {
        gaps.insert("wxApp", "oA", "问".repeat(1200), "答".repeat(2500), "LOW_CONFIDENCE", T0, new float[] {1f});
        GapRepository.Row row = gaps.since(T0, 1).get(0);
        assertThat(row.question()).hasSize(1000).endsWith("问…");
        assertThat(row.answer()).hasSize(2000).endsWith("答…");
    }

    @Test
    void questionsOlderThanTheRetentionAreDeleted() {
        gaps.insert("wxApp", "oA", "旧问题", null, "NO_EVIDENCE", T0, new float[] {1f});
        gaps.insert("wxApp", "oB", "新问题", null, "NO_EVIDENCE", T0.plusSeconds(3600), new float[] {1f});
        assertThat(gaps.deleteBefore(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(gaps.since(T0, 10)).extracting(GapRepository.Row::question).containsExactly("新问题");
    }
}
