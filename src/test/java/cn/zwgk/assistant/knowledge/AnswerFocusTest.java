package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerFocusTest {

    @Test
    void theSpecificsAQuestionNamesAreItsTitlesAndLongNumbers() {
        assertThat(AnswerFocus.specifics("《农林信息》刊物怎么订阅？")).containsExactly("农林信息");
        assertThat(AnswerFocus.specifics("投诉热线是不是12345？")).containsExactly("12345");
        assertThat(AnswerFocus.specifics("2024年收到多少申请？20个工作日够吗")).isEmpty();
        assertThat(AnswerFocus.specifics("我手机13812345678，请问多久答复")).as("the citizen's own number").isEmpty();
        assertThat(AnswerFocus.specifics("我的受理编号是2025120100017吗")).containsExactly("2025120100017");
        assertThat(AnswerFocus.specifics("《條例》規定多久答覆")).containsExactly("条例");
    }

    @Test
    void aFactualQuestionsFocusMustBeNamedByItsAnswer() {
        AnswerFocus focus = new AnswerFocus("网址是什么");
        assertThat(focus.namedIn("网址为www.example.gov.cn")).isTrue();
        assertThat(focus.namedIn("通过门户网站公开")).isFalse();
    }
}
