package cn.zwgk.assistant.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class StandardAnswerCsvTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void anExportReadsBackAsTheSameDrafts() {
        StandardAnswer a = new StandardAnswer(1, 1, 2, "政府信息公开申请的咨询电话是多少", List.of("咨询热线多少", "打哪个电话, \"咨询\""),
                "咨询电话：0000-12345678，工作日上午9:00至12:00。", "《示例市政府信息公开指南》二、依申请公开",
                LocalDate.of(2026, 12, 1), null, StandardAnswer.Status.APPROVED, "a", Instant.EPOCH, "b", Instant.EPOCH);

        StandardAnswerCsv.Read read = StandardAnswerCsv.read(StandardAnswerCsv.write(List.of(a)), TODAY);

        assertThat(read.problems()).isEmpty();
        assertThat(read.drafts()).containsExactly(new StandardAnswerDraft(a.question(), a.phrasings(), a.answer(),
                a.source(), a.validFrom(), null));
    }

    @Test
    void rowsThatCannotBeReadAreNamedAndTheRestImported() {
        String csv = """
                question,phrasings,answer,source,valid_from,valid_until
                申请要收费吗,要交钱吗|收费吗,不收取费用。,《指南》（七）收费,,
                没有答复的问题,,,《指南》,2026-12-01,
                日期不对,,有答复,《指南》,12/01/2026,
                """;
        StandardAnswerCsv.Read read = StandardAnswerCsv.read(csv, TODAY);

        assertThat(read.drafts()).singleElement().satisfies(d -> {
            assertThat(d.phrasings()).containsExactly("要交钱吗", "收费吗");
            assertThat(d.validFrom()).isEqualTo(TODAY);
        });
        assertThat(read.problems()).extracting(StandardAnswerCsv.Problem::key)
                .containsExactly("console.faq.answer", "console.faq.csv-row");
        assertThat(StandardAnswerCsv.read("not,a\ncsv", TODAY).drafts()).isEmpty();
    }
}
