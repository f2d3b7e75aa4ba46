package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionKindTest {

    @Test
    void theKindComesFromTheQuestionWords() {
        assertThat(QuestionKind.of("多久答复")).isEqualTo(QuestionKind.DURATION);
        assertThat(QuestionKind.of("幾天內要公開？")).isEqualTo(QuestionKind.DURATION);
        assertThat(QuestionKind.of("一年收到多少宗申请")).isEqualTo(QuestionKind.QUANTITY);
        assertThat(QuestionKind.of("哪个部门负责受理")).isEqualTo(QuestionKind.BODY);
        assertThat(QuestionKind.of("怎么提交申请")).isEqualTo(QuestionKind.STEPS);
        assertThat(QuestionKind.of("申请要收费吗？")).isEqualTo(QuestionKind.RULE);
        assertThat(QuestionKind.of("主动公开哪些内容")).isEqualTo(QuestionKind.LIST);
        assertThat(QuestionKind.of("政务公开")).isNull();
        assertThat(QuestionKind.of("几点能去窗口递申请？")).isEqualTo(QuestionKind.CLOCK);
    }

    @Test
    void howLongIsAnsweredByADurationAndWhatTimeByAnHour() {
        String hours = "办公时间为工作日上午9:00至12:00、下午13:30至17:30。";
        assertThat(QuestionKind.DURATION.fits(hours)).isFalse();
        assertThat(QuestionKind.CLOCK.fits(hours)).isTrue();
        assertThat(QuestionKind.CLOCK.fits("自收到申请之日起20个工作日内予以答复。")).isFalse();
        assertThat(QuestionKind.CLOCK.needsValue()).isTrue();
    }

    @Test
    void aSentenceFitsWhenItHasTheShapeOfTheFact() {
        assertThat(QuestionKind.DURATION.fits("自收到申请之日起20个工作日内予以答复。")).isTrue();
        assertThat(QuestionKind.DURATION.fits("对政府工作报告每半年公布1次落实情况。")).isTrue();
        assertThat(QuestionKind.DURATION.fits("本机关提供政府信息不收取费用。")).isFalse();
        assertThat(QuestionKind.QUANTITY.fits("收到政府信息公开申请101宗。")).isTrue();
        assertThat(QuestionKind.QUANTITY.fits("通信**,邮政编码:**。")).isFalse();
        assertThat(QuestionKind.BODY.fits("由市政府办公室政务公开科受理。")).isTrue();
        assertThat(QuestionKind.DURATION.needsValue()).isTrue();
        assertThat(QuestionKind.RULE.needsValue()).isFalse();
    }

    @Test
    void theTopicIsTheQuestionWithoutItsQuestionWords() {
        assertThat(QuestionKind.topic("请问依申请公开多久答复？")).isEqualTo("依申请公开 答复");
        // who does the asking or refusing is not what the question is about
        assertThat(QuestionKind.topic("他们不给我公开的话我能怎么办")).isEqualTo("不给 公开 能");
    }

    @Test
    void answersAreShownInTheScriptOfTheQuestion() {
        assertThat(ScriptConverter.inScriptOf("申請要收費嗎？", "本机关不收取费用。")).isEqualTo("本機關不收取費用。");
        assertThat(ScriptConverter.inScriptOf("申请要收费吗？", "本機關不收取費用。")).isEqualTo("本机关不收取费用。");
        assertThat(ScriptConverter.isTraditional("政务公开")).isFalse();
    }
}
