package cn.zwgk.assistant.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.zwgk.assistant.handoff.HandoffService;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.ModuleTest;

/**
 * 好差评 with the conversation's session store: an answer offered for rating and rated unhelpful is stored
 * once and announced masked, for 待完善问题; a second rating of the same answer is refused.
 */
@ModuleTest(extraIncludes = "conversation")
class FeedbackModuleTest {

    @MockitoBean
    HandoffService handoffs;

    @Autowired
    RatingService ratings;
    @Autowired
    Texts texts;

    @Test
    void anUnhelpfulRatingIsStoredOnceAndAnnouncedMasked(Scenario scenario) {
        ratings.invite("wxApp", "oRater", new RatedAnswer("我的电话13800138000，低保怎么申请", "向乡镇（街道）提出申请。",
                "EXTRACTIVE", List.of(new RatedAnswer.CitedDocument(1L, "低保办法"))));
        RatingService.Pending pending = ratings.pending("wxApp", "oRater").orElseThrow();

        scenario.stimulate(() -> ratings.rate("wxApp", "oRater", pending, false))
                .andWaitForEventOfType(AnswerRatedUnhelpful.class)
                .matching(e -> e.openid().equals("oRater"))
                .toArriveAndVerify(e -> assertThat(e.question()).contains("低保怎么申请").doesNotContain("13800138000"));
        assertThat(ratings.rate("wxApp", "oRater", pending, true)).isEqualTo(texts.get("feedback.already"));
    }
}
