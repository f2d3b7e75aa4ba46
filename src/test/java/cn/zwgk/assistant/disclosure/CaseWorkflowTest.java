package cn.zwgk.assistant.disclosure;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.calendar.CalendarFixture;

/** Deadlines and the status machine over the shipped 2025/2026 calendar. */
class CaseWorkflowTest {

    private static Deadlines deadlines;
    private static CaseWorkflow workflow;

    @BeforeAll
    static void calendar() {
        deadlines = new Deadlines(CalendarFixture.shipped());
        workflow = new CaseWorkflow(deadlines);
    }

    private static DisclosureCase received(LocalDate on) {
        DisclosureCase c = new DisclosureCase();
        c.trackingNo = "YSQ-2026-000001";
        c.status = CaseStatus.RECEIVED;
        c.receivedOn = on;
        c.clockStartOn = on;
        deadlines.recompute(c);
        return c;
    }

    private static ActionRequest on(LocalDate date) {
        return new ActionRequest(null, null, null, null, null, null, date);
    }

    @Test
    void replyAndCorrectionNoticeDeadlinesAcrossTheSpringFestival() {
        DisclosureCase c = received(of(2026, 2, 10));
        assertThat(c.dueOn).isEqualTo(of(2026, 3, 16));
        // 11, 12, 13, 14 (make-up Saturday), then 24, 25, 26 after the Feb 15–23 holiday
        assertThat(c.correctionDueOn).isEqualTo(of(2026, 2, 26));
    }

    @Test
    void replyDeadlineAcrossNationalDay2025CountsMakeUpDays() {
        DisclosureCase c = received(of(2025, 9, 26));
        // 28 Sep (make-up Sunday), 29, 30, 9 Oct, 10, 11 (make-up Saturday), 13 … 30
        assertThat(c.dueOn).isEqualTo(of(2025, 10, 30));
    }

    @Test
    void theClockRestartsWhenTheCorrectionArrives() {
        DisclosureCase c = received(of(2026, 2, 10));
        String note = workflow.apply(c, "request-correction",
                new ActionRequest(List.of("请补充信息的文号", " ", "请提供身份证明"), null, null, null, null, null, null),
                of(2026, 2, 12));
        assertThat(c.status).isEqualTo(CaseStatus.CORRECTION_REQUESTED);
        assertThat(note).isEqualTo("1. 请补充信息的文号\n2. 请提供身份证明");

        workflow.apply(c, "correction-received", on(of(2026, 3, 2)), of(2026, 3, 3));
        assertThat(c.status).isEqualTo(CaseStatus.RECEIVED);
        assertThat(c.clockStartOn).isEqualTo(of(2026, 3, 2));
        assertThat(c.dueOn).isEqualTo(of(2026, 3, 30));
        assertThat(c.receivedOn).as("the original receipt stays on record").isEqualTo(of(2026, 2, 10));

        assertThatThrownBy(() -> workflow.apply(c, "request-correction",
                new ActionRequest(List.of("again"), null, null, null, null, null, null), of(2026, 3, 3)))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("once");
    }

    @Test
    void oneExtensionOfAtMostTwentyWorkingDaysWithApproverAndReason() {
        DisclosureCase c = received(of(2026, 2, 10));
        workflow.apply(c, "accept", null, of(2026, 2, 11));
        assertThatThrownBy(() -> workflow.apply(c, "extend", new ActionRequest(null, 21, "李局长", "材料多", null, null, null),
                of(2026, 3, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> workflow.apply(c, "extend", new ActionRequest(null, 20, null, "材料多", null, null, null),
                of(2026, 3, 1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("approver");
        assertThat(c.status).isEqualTo(CaseStatus.ACCEPTED);

        workflow.apply(c, "extend", new ActionRequest(null, 20, "李局长", "涉及档案较多", null, null, null), of(2026, 3, 1));
        assertThat(c.status).isEqualTo(CaseStatus.EXTENDED);
        // 16 Mar + 20 working days, across Qingming (4–6 Apr)
        assertThat(c.dueOn).isEqualTo(of(2026, 4, 14));
        assertThatThrownBy(() -> workflow.apply(c, "extend", new ActionRequest(null, 5, "李局长", "再延", null, null, null),
                of(2026, 3, 2))).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void consultationDaysAreNotCounted() {
        DisclosureCase c = received(of(2026, 11, 2));
        assertThat(c.dueOn).isEqualTo(of(2026, 11, 30));
        workflow.apply(c, "accept", null, of(2026, 11, 3));
        workflow.apply(c, "start-consultation", on(of(2026, 11, 10)), of(2026, 11, 10));
        assertThat(c.status).isEqualTo(CaseStatus.CONSULTING);
        assertThat(c.dueOn).as("assumes the full 15 working days").isEqualTo(of(2026, 12, 21));

        workflow.apply(c, "end-consultation", on(of(2026, 11, 17)), of(2026, 11, 17));
        assertThat(c.status).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(c.pausedDays).isEqualTo(5);
        assertThat(c.dueOn).isEqualTo(of(2026, 12, 7));
    }

    @Test
    void illegalTransitionsAreRefused() {
        DisclosureCase c = received(of(2026, 11, 2));
        assertThatThrownBy(() -> workflow.apply(c, "close", null, of(2026, 11, 3)))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("RECEIVED");
        assertThatThrownBy(() -> workflow.apply(c, "end-consultation", null, of(2026, 11, 3)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> workflow.apply(c, "reply", null, of(2026, 11, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        workflow.apply(c, "reply", new ActionRequest(null, null, null, null, ReplyKind.DISCLOSED, "见附件", null),
                of(2026, 11, 3));
        assertThat(c.status).isEqualTo(CaseStatus.REPLIED);
        assertThatThrownBy(() -> workflow.apply(c, "withdraw", null, of(2026, 11, 4)))
                .isInstanceOf(IllegalTransitionException.class);
        workflow.apply(c, "close", null, of(2026, 11, 4));
        assertThat(c.status).isEqualTo(CaseStatus.CLOSED);
        assertThatThrownBy(() -> workflow.apply(c, "accept", null, of(2026, 11, 4)))
                .isInstanceOf(IllegalTransitionException.class);
    }
}
