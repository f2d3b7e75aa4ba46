package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * 热门问题 over the webhook on the sample documents: a question answered for two people is listed, to
 * anyone, by message or menu; its number asks it; a question with personal data or asked by one
 * person only is never listed.
 */
@IntegrationTest
class HotQuestionsIT {

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeService knowledge;

    WechatTestClient wechat;

    @BeforeEach
    void samplesImported() {
        await().atMost(Duration.ofMinutes(3)).until(() -> knowledge.ready() && knowledge.documents().stream()
                .filter(d -> d.source().endsWith(".txt")).count() >= 3);
        wechat = WechatTestClient.defaultAccount(port);
    }

    private String send(String openid, String text) {
        return WechatTestClient.extract(wechat.postPlain(wechat.textXml(openid, text, WechatTestClient.nextMsgId()))
                .body(), "Content");
    }

    private static String user() {
        return "oHot" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aQuestionAnsweredForTwoPeopleIsListedAndItsNumberAsksIt() {
        String question = "政府信息公开申请多久答复";
        String first = user();
        assertThat(send(first, question)).contains("20个工作日");
        assertThat(send(first, question)).as("the same person again counts once").contains("20个工作日");
        String once = "我手机13912345678，申请要收费吗";
        assertThat(send(first, once)).contains("不收取费用");
        String rare = "政府信息公开申请可以当场答复吗";
        send(first, rare);

        String reader = user();
        assertThat(send(reader, "热门问题")).doesNotContain(question + "？");

        send(user(), question + "？");
        send(user(), once.replace("13912345678", "13812345678"));
        String list = send(reader, "热门问题");
        assertThat(list).startsWith("本周热门问题：").contains(question + "？").endsWith("回复序号查看答复。")
                .doesNotContain("1391234").doesNotContain("1381234").doesNotContain("****").doesNotContain(rare);
        String number = list.lines().filter(l -> l.endsWith(". " + question + "？")).findFirst().orElseThrow()
                .substring(0, 1);
        assertThat(send(reader, number)).contains("20个工作日");

        String menu = WechatTestClient.extract(wechat.postPlain(wechat.eventXml(reader, "CLICK", "HOT_QUESTIONS",
                WechatTestClient.now())).body(), "Content");
        assertThat(menu).contains(question + "？");
        send(reader, "你好");
        assertThat(send(reader, number)).as("after another message a number is not a pick").doesNotContain("20个工作日");
    }
}
