package cn.zwgk.assistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentClassifierTest {

    private final IntentClassifier classifier = new IntentClassifier();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            更多                               | MORE
            ' 继续 '                           | MORE
            MORE                               | MORE
            帮助                               | HELP
            ？                                 | HELP
            菜单                               | HELP
            热门问题                           | HOT_QUESTIONS
            熱門問題？                         | HOT_QUESTIONS
            热门问题有哪些规定                 | POLICY_QUESTION
            人工                               | HANDOFF
            转人工！                           | HANDOFF
            帮我转人工                         | HANDOFF
            找工作人员                         | HANDOFF
            轉人工                             | HANDOFF
            人工智能在政务公开中怎么用？       | POLICY_QUESTION
            Help                               | HELP
            你好                               | SMALL_TALK
            您好！                             | SMALL_TALK
            谢谢                               | SMALL_TALK
            hello~                             | SMALL_TALK
            '　'                               | SMALL_TALK
            😀                                 | SMALL_TALK
            查询进度                           | PROGRESS_QUERY
            我的申请进展怎么样了                 | PROGRESS_QUERY
            YSQ-2026-000123                    | PROGRESS_QUERY
            帮我查一下 ysq-2025-000042 的情况    | PROGRESS_QUERY
            我要申请公开                        | DISCLOSURE_APPLICATION
            我想申请公开本区的财政预算             | DISCLOSURE_APPLICATION
            依申请公开多久答复？                 | POLICY_QUESTION
            申请公开怎么提交                     | POLICY_QUESTION
            我可以申请公开吗                     | POLICY_QUESTION
            政府信息公开申请需要提供什么材料？     | POLICY_QUESTION
            你好，请问依申请公开的答复期限是多少天？ | POLICY_QUESTION
            绑定 13800000000                    | STAFF_COMMAND
            口径 关于暴雨停课的说明              | STAFF_COMMAND
            收到YSQ-2026-000123                  | STAFF_COMMAND
            """)
    void classifies(String text, Intent expected) {
        assertThat(classifier.classify(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL", "''", "'   '"})
    void emptyInputIsSmallTalk(String text) {
        assertThat(classifier.classify(text)).isEqualTo(Intent.SMALL_TALK);
    }
}
