package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExtractiveAnswererTest {

    private static final String DEADLINES = "（五）答复期限。能够当场答复的，当场予以答复。不能当场答复的，自收到申请之日起20个工作日内予以答复。"
            + "（六）延期答复。需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。";

    private static SearchHit hit(String text) {
        return new SearchHit(1, 1, "示例市政府信息公开指南", "示例市人民政府办公室", "2025-03-01", null, "CURRENT", null, text, 1, 0.8);
    }

    @Test
    void theRuleComesBeforeItsExceptionWhenTheQuestionDoesNotAskForTheException() {
        String answer = ExtractiveAnswerer.compose("政府信息公开申请多久答复？", List.of(hit(DEADLINES)));
        assertThat(answer).startsWith("不能当场答复的，自收到申请之日起20个工作日内予以答复。");
    }

    @Test
    void aQuestionAboutTheExceptionGetsTheException() {
        String answer = ExtractiveAnswerer.compose("延期答复最长多久？", List.of(hit(DEADLINES)));
        assertThat(answer).startsWith("需要延长答复期限的");
    }

    @Test
    void withoutTheRuleInThePassageTheExceptionStillBeatsASentenceWithoutTheAskedQuantity() {
        String answer = ExtractiveAnswerer.compose("政府信息公开申请多久答复？", List.of(hit(
                "需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。"
                        + "本机关提供政府信息不收取费用。")));
        assertThat(answer).startsWith("需要延长答复期限的");
    }

    @Test
    void theFeeRuleComesBeforeTheChargeForExcessiveRequests() {
        String passage = "（七）收费。本机关提供政府信息不收取费用。申请公开的数量、频次明显超过合理范围的，可以按照有关规定收取信息处理费。";
        assertThat(ExtractiveAnswerer.compose("申请公开政府信息收费吗？", List.of(hit(passage))))
                .startsWith("本机关提供政府信息不收取费用。");
        assertThat(ExtractiveAnswerer.compose("申请次数超过多少会收费？", List.of(hit(passage))))
                .startsWith("申请公开的数量、频次明显超过合理范围的");
    }

    @Test
    void aListNumberIsNotAQuantity() {
        String answer = ExtractiveAnswerer.compose("申请后多久能收到答复", List.of(hit(
                "2.信函申请：将申请表邮寄至受理机构，注明申请。收到申请后，一般在十五个工作日内答复。")));
        assertThat(answer).startsWith("收到申请后，一般在十五个工作日内答复。");
    }

    @Test
    void aSentenceWithTheAskedNumberBeatsOneWithout() {
        String answer = ExtractiveAnswerer.compose("申请多久答复", List.of(hit("能够当场答复的，当场予以答复。不能当场答复的，20个工作日内答复。")));
        assertThat(answer).startsWith("不能当场答复的，20个工作日内答复。");
    }
}
