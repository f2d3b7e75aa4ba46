package cn.zwgk.assistant.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import cn.zwgk.assistant.support.RepositoryTest;

/** {@link StandardAnswerRepository} on the migrated schema (H2, PostgreSQL mode). */
@RepositoryTest
@Import(StandardAnswerRepository.class)
class StandardAnswerRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private static final StandardAnswerDraft DRAFT = new StandardAnswerDraft("申请政府信息公开收费吗？",
            List.of("查资料要钱吗", " 申请要交费吗 "), "不收取费用。", "《政府信息公开条例》第四十二条",
            LocalDate.of(2026, 1, 1), null);

    @Autowired
    StandardAnswerRepository answers;

    @Test
    void aFirstVersionIsPendingAndReadsBackAsWritten() {
        long id = answers.insert(null, DRAFT, "handler-a", T0);
        StandardAnswer a = answers.find(id).orElseThrow();
        assertThat(a.lineage()).as("a first version is its own lineage").isEqualTo(id);
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.status()).isEqualTo(StandardAnswer.Status.PENDING);
        assertThat(a.phrasings()).containsExactly("查资料要钱吗", "申请要交费吗");
        assertThat(a.answer()).isEqualTo("不收取费用。");
        assertThat(a.source()).isEqualTo("《政府信息公开条例》第四十二条");
        assertThat(a.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(a.validUntil()).isNull();
        assertThat(a.createdBy()).isEqualTo("handler-a");
        assertThat(a.createdAt()).isEqualTo(T0);
        assertThat(a.approvedBy()).isNull();
        assertThat(answers.find(id + 1000)).isEmpty();
    }

    @Test
    void versionsOfALineageAreNumberedAndListedNewestFirst() {
        long v1 = answers.insert(null, DRAFT, "handler-a", T0);
        long v2 = answers.insert(v1, DRAFT, "handler-a", T0.plusSeconds(60));
        long other = answers.insert(null, new StandardAnswerDraft("多久答复？", List.of(), "二十个工作日。", "条例",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), "handler-b", T0.plusSeconds(120));
        long v3 = answers.insert(v1, DRAFT, "handler-a", T0.plusSeconds(180));

        assertThat(answers.find(v3).orElseThrow().version()).isEqualTo(3);
        assertThat(answers.find(v3).orElseThrow().lineage()).isEqualTo(v1);
        assertThat(answers.find(other).orElseThrow().phrasings()).isEmpty();
        assertThat(answers.find(other).orElseThrow().validUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(answers.all()).extracting(StandardAnswer::id).containsExactly(other, v3, v2, v1);
    }

    @Test
    void aVersionMovesOnlyFromTheStatusItIsIn() {
        long v1 = answers.insert(null, DRAFT, "handler-a", T0);
        long v2 = answers.insert(v1, DRAFT, "handler-a", T0.plusSeconds(60));
        assertThat(answers.transition(v1, StandardAnswer.Status.PENDING, StandardAnswer.Status.APPROVED, "supervisor-b",
                T0.plusSeconds(90))).isTrue();
        assertThat(answers.transition(v1, StandardAnswer.Status.PENDING, StandardAnswer.Status.APPROVED, "supervisor-c",
                T0.plusSeconds(91))).as("approved already").isFalse();
        StandardAnswer approved = answers.find(v1).orElseThrow();
        assertThat(approved.approvedBy()).isEqualTo("supervisor-b");
        assertThat(approved.approvedAt()).isEqualTo(T0.plusSeconds(90));

        answers.transition(v2, StandardAnswer.Status.PENDING, StandardAnswer.Status.APPROVED, "supervisor-b",
                T0.plusSeconds(120));
        assertThat(answers.otherApproved(v1, v2)).containsExactly(v1);
        assertThat(answers.transition(v1, StandardAnswer.Status.APPROVED, StandardAnswer.Status.SUPERSEDED,
                "supervisor-b", T0.plusSeconds(120))).isTrue();
        assertThat(answers.otherApproved(v1, v2)).isEmpty();
        assertThat(answers.approved()).extracting(StandardAnswer::id).containsExactly(v2);
        assertThat(answers.find(v1).orElseThrow().approvedBy()).as("ending keeps who approved it")
                .isEqualTo("supervisor-b");
    }
}
