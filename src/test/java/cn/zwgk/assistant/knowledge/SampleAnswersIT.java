package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * What a newcomer's simulator shows on the bundled sample documents, through the webhook: the first
 * line answers the question asked, each document is cited once, a follow-up takes the previous
 * question's topic, and a Traditional question is answered in Traditional script.
 */
@IntegrationTest
// a context of its own: the knowledge base must hold the sample documents only, not what other tests in a
// shared context uploaded (the console's knowledge tests upload documents that change these answers)
@TestPropertySource(properties = "knowledge.test-context=sample-documents-only")
class SampleAnswersIT {

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeService knowledge;

    @BeforeEach
    void samplesImported() {
        // loaded: the sample documents imported and this instance's index built from them
        await().atMost(Duration.ofMinutes(3)).until(() -> knowledge.ready() && knowledge.documents().stream()
                .filter(d -> d.source().endsWith(".txt")).count() >= 3);
    }

    private String ask(WechatTestClient wechat, String openid, String question) {
        return WechatTestClient.extract(wechat.postPlain(wechat.textXml(openid, question, WechatTestClient.nextMsgId()))
                .body(), "Content");
    }

    private static String firstLine(String reply) {
        return reply.split("\n")[0];
    }

    /** Source lines: "[n]《…》…" after "出处：". */
    private static long sourceLines(String reply) {
        return Arrays.stream(reply.split("\n")).filter(l -> l.matches("^\\[\\d+]《.*")).count();
    }

    private static long distinctSourceTitles(String reply) {
        return Arrays.stream(reply.split("\n")).filter(l -> l.matches("^\\[\\d+]《.*"))
                .map(l -> l.substring(l.indexOf('《'), l.indexOf('》') + 1)).distinct().count();
    }

    @Test
    void theSimulatorsFirstQuestionsGetTheRightFirstLineAndOneSourceLinePerDocument() {
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        String openid = "oSample" + UUID.randomUUID().toString().substring(0, 8);

        String fees = ask(wechat, openid, "申请要收费吗？");
        assertThat(firstLine(fees)).contains("不收取费用").doesNotStartWith("（七）");
        assertThat(fees).contains("（七）收费");
        assertThat(sourceLines(fees)).isEqualTo(distinctSourceTitles(fees)).isPositive();

        String deadline = ask(wechat, openid, "多久答复");
        assertThat(firstLine(deadline)).contains("20个工作日内予以答复");
        assertThat(sourceLines(deadline)).isEqualTo(distinctSourceTitles(deadline));

        String extension = ask(wechat, openid, "那延期呢？");
        assertThat(firstLine(extension)).contains("延长的期限最长不超过20个工作日");
        assertThat(extension).doesNotContain("舆情");

        String remedy = ask(wechat, openid, "不公开怎么办");
        assertThat(firstLine(remedy)).containsAnyOf("行政复议", "投诉");
        assertThat(sourceLines(remedy)).isEqualTo(distinctSourceTitles(remedy));
    }

    @Test
    void aTraditionalQuestionIsAnsweredInTraditionalAndAnUnansweredOneHonestly() {
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        String openid = "oSample" + UUID.randomUUID().toString().substring(0, 8);
        String fees = ask(wechat, openid, "申請要收費嗎？");
        assertThat(firstLine(fees)).contains("不收取費用");
        assertThat(fees).as("the hints too").contains("這條答").doesNotContain("这条", "回复“原文1”");
        String principles = ask(wechat, openid, "政务公开的基本原则是什么？");
        assertThat(principles).contains("没有找到").doesNotContain("出处");
        // things the documents never name cannot be confirmed from sentences that merely sound alike
        String hotline = ask(wechat, openid, "依申请公开的咨询热线是不是96180？");
        assertThat(hotline).contains("没有找到").doesNotContain("出处");
        String journal = ask(wechat, openid, "《示例市政务周刊》怎么订阅？");
        assertThat(journal).contains("没有找到").doesNotContain("出处");
        // a newcomer's words: who refuses is not what is asked; "how long" wants the time limit, not the hours
        assertThat(firstLine(ask(wechat, openid, "他们不给我公开的话我能怎么办"))).containsAnyOf("行政复议", "投诉");
        assertThat(firstLine(ask(wechat, openid, "政府資訊公開申請要多久答覆？"))).contains("20個工作日內予以答復");
    }
}
