package cn.zwgk.assistant.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.zwgk.assistant.feedback.AnswerRatedUnhelpful;
import cn.zwgk.assistant.knowledge.TextSimilarity;
import cn.zwgk.assistant.knowledge.WeakAnswerGiven;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.support.ModuleTest;
import cn.zwgk.assistant.wechat.AccountRegistry;

/**
 * 待完善问题 alone: what knowledge and feedback announce (a weak answer, an answer rated unhelpful) is kept
 * masked, grouped by meaning, most askers first. The meaning is mocked: one vector for every question, so
 * that grouping is about the module, not the embedding.
 */
@ModuleTest
class FaqModuleTest {

    @MockitoBean
    TextSimilarity similarity;
    @MockitoBean
    OutboxService outbox;
    @MockitoBean
    AccountRegistry accounts;

    @Autowired
    KnowledgeGaps gaps;

    @BeforeEach
    void oneMeaning() {
        when(similarity.vector(anyString())).thenReturn(new float[] {1f, 0f, 0f});
    }

    @Test
    void weakAnswersAndUnhelpfulRatingsBecomeOneMaskedGap(Scenario scenario) {
        String question = "低保怎么申请？我电话13800138000";
        scenario.publish(new WeakAnswerGiven("wxApp", "oFaqA", question, "没有找到", "NO_EVIDENCE", Instant.now()))
                .andWaitForStateChange(() -> gaps.groups(30, 10), groups -> !groups.isEmpty())
                .andVerify(groups -> assertThat(groups.get(0).question()).doesNotContain("13800138000"));
        scenario.publish(new AnswerRatedUnhelpful("wxApp", "oFaqB", "低保怎么申请", "请咨询民政部门", Instant.now()))
                .andWaitForStateChange(() -> gaps.groups(30, 10), groups -> groups.get(0).asked() == 2)
                .andVerify(groups -> {
                    GapGroup group = groups.get(0);
                    assertThat(List.of(group.askers(), group.unhelpful())).containsExactly(2, 1);
                    assertThat(group.examples()).noneMatch(e -> e.contains("13800138000"));
                });
    }
}
