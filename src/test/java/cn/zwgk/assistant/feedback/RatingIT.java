package cn.zwgk.assistant.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.knowledge.KnowledgeService;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.MutableClock;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * 好差评 over the webhook, on the bundled sample documents: the invitation after an answer, a "1" or
 * "2" within the window rating that answer once (retries and repeats stored once, nothing personal
 * stored), and a "1" that means something else outside the window or after another message.
 */
@IntegrationTest
@Import(MutableClock.Config.class)
class RatingIT {

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeService knowledge;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    RatingService ratings;
    @Autowired
    UserAccounts accounts;

    WechatTestClient wechat;
    String openid;

    @BeforeEach
    void samplesImported() {
        // loaded: the sample documents imported and this instance's index built from them
        await().atMost(Duration.ofMinutes(3)).until(() -> knowledge.ready() && knowledge.documents().stream()
                .filter(d -> d.source().endsWith(".txt")).count() >= 3);
        wechat = WechatTestClient.defaultAccount(port);
        openid = "oRating" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String send(String text) {
        return send(text, WechatTestClient.nextMsgId());
    }

    private String send(String text, long msgId) {
        HttpResponse<String> response = wechat.postPlain(wechat.textXml(openid, text, msgId));
        assertThat(response.statusCode()).isEqualTo(200);
        return WechatTestClient.extract(response.body(), "Content");
    }

    private long rows(String question) {
        return jdbc.sql("select count(*) from answer_rating where question = ?").param(question).query(Long.class).single();
    }

    @Test
    void anAnswerIsRatedOnceByTheNextOneOrTwoWithoutPersonalData() {
        // a question as a citizen types it (random letters in it would be words no document uses, and may be refused)
        String question = "我手机13812345678，请问多久答复";
        String masked = question.replace("13812345678", "138****5678");
        long before = rows(masked);
        String answer = send(question);
        assertThat(answer).contains("20个工作日").endsWith("这条答复有帮助回1，没帮助回2。");

        long msgId = WechatTestClient.nextMsgId();
        assertThat(send("1", msgId)).isEqualTo("感谢您的评价！");
        assertThat(send("1", msgId)).as("WeChat's retry of the same message").isEqualTo("感谢您的评价！");
        assertThat(send("2")).as("a second rating of the same answer").isEqualTo("这条答复您已评价过，谢谢。");
        assertThat(rows(masked)).isEqualTo(before + 1);
        assertThat(rows(question)).as("the phone number is not stored").isZero();
        assertThat(jdbc.sql("select count(*) from answer_rating where question = ? and not helpful").param(masked)
                .query(Long.class).single()).isZero();
        List<String> documents = jdbc.sql("""
                select d.title from answer_rating r join answer_rating_document d on d.answer_id = r.answer_id
                where r.question = ?""").param(masked).query(String.class).list();
        assertThat(documents).isNotEmpty();
        assertThat(ratings.byDocument(1, 50)).extracting(RatingShare::key).contains(documents.get(0));
        assertThat(ratings.byDay(1)).singleElement().satisfies(day -> assertThat(day.ratings()).isPositive());

        String supervisor = "rating-sup-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(supervisor, supervisor, "rating-console-pass-1", java.util.Set.of(Role.SUPERVISOR));
        ConsoleSession console = new ConsoleSession(port);
        console.login(supervisor, "rating-console-pass-1");
        String dashboard = console.get("/console").body();
        assertThat(dashboard).contains("答复评价（按文件，近 30 天）").contains(documents.get(0)).containsPattern("\\d+%");
    }

    @Test
    void anUnhelpfulRatingIsStoredAsSuch() {
        String question = "申请要收费吗？";
        long unhelpful = jdbc.sql("select count(*) from answer_rating where question = ? and not helpful").param(question)
                .query(Long.class).single();
        assertThat(send(question)).endsWith("没帮助回2。");
        assertThat(send("２")).startsWith("感谢反馈");
        assertThat(jdbc.sql("select count(*) from answer_rating where question = ? and not helpful").param(question)
                .query(Long.class).single()).isEqualTo(unhelpful + 1);
    }

    @Test
    void aOneOrTwoOutsideTheWindowOrAfterAnotherMessageIsNotARating() {
        String question = "依申请公开多久答复？";
        long before = rows(question);
        assertThat(send(question)).endsWith("没帮助回2。");
        try {
            clock.advance(Duration.ofMinutes(11));
            // signed at the moved time, as WeChat would sign eleven minutes later
            HttpResponse<String> late = wechat.post(wechat.signedQuery(WechatTestClient.now() + 660),
                    wechat.textXml(openid, "1", WechatTestClient.nextMsgId()), Duration.ofSeconds(10));
            assertThat(late.statusCode()).isEqualTo(200);
            assertThat(WechatTestClient.extract(late.body(), "Content")).doesNotContain("感谢").doesNotContain("已评价");
        } finally {
            clock.reset();
        }
        assertThat(send(question)).endsWith("没帮助回2。");
        send("你好");
        assertThat(send("2")).doesNotContain("感谢").doesNotContain("已评价");
        assertThat(rows(question)).isEqualTo(before);
    }
}
