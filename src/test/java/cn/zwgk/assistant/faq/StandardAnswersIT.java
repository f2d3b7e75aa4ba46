package cn.zwgk.assistant.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * 标准问答 through the webhook: a question the documents do not answer becomes a gap; staff write a
 * standard answer, someone else approves it and sends it to who asked; later askers get it ahead of
 * retrieval; a new version replaces it; withdrawal stops it. The match threshold holds on its dev set.
 */
class StandardAnswersIT extends ChannelIntegrationTest {

    @Autowired
    StandardAnswers answers;

    @Autowired
    StandardAnswerCatalog catalog;

    @Autowired
    FaqProperties properties;

    @Autowired
    Texts texts;

    @Test
    void aStandardAnswerFillsAGapReachesWhoAskedAndIsServedUntilWithdrawn() {
        WechatTestClient city = city();
        awaitKnowledgeLoaded();
        String earlier = newOpenid("faqearly");
        assertThat(send(city, earlier, "政府信息公开工作的考核办法是什么")).contains("没有找到");

        long id = answers.write(null, new StandardAnswerDraft("政府信息公开工作怎么考核", List.of("政务公开考核办法是什么"),
                "政府信息公开工作纳入年度绩效考核，由市政府办公室组织。", "《示例市政务公开工作要点》第三条",
                LocalDate.now().minusDays(1), null), "handler-a");
        assertThat(send(city, newOpenid("faqbefore"), "信息公开工作考核看哪些方面")).as("pending: not served")
                .doesNotContain("绩效考核");
        assertThat(answers.approve(id, "handler-a", true).outcome()).isEqualTo(StandardAnswers.Approval.SELF_APPROVAL);
        StandardAnswers.Approved approved = answers.approve(id, "supervisor-b", true);
        assertThat(approved.outcome()).isEqualTo(StandardAnswers.Approval.APPROVED);
        assertThat(approved.sent()).isGreaterThanOrEqualTo(1);
        wechatApi().awaitSent(m -> earlier.equals(m.toUser()) && m.content().contains("绩效考核"), Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("the earlier asker was not sent the standard answer"));

        String later = newOpenid("faqlater");
        assertThat(send(city, later, "信息公开工作考核看哪些方面"))
                .isEqualTo(texts.get("faq.answer", "政府信息公开工作纳入年度绩效考核，由市政府办公室组织。", "《示例市政务公开工作要点》第三条"));
        assertThat(send(city, later, "信息公開工作考核看哪些方面")).as("in the asker's script").contains("績效考核");
        assertThat(send(city, later, "政府信息公开申请要多久答复")).as("a question of the same domain")
                .doesNotContain("绩效考核");

        long v2 = answers.write(id, new StandardAnswerDraft("政府信息公开工作怎么考核", List.of("政务公开考核办法是什么"),
                "政府信息公开工作纳入年度绩效考核，占总分5%。", "《示例市政务公开工作要点》第三条", LocalDate.now().minusDays(1),
                null), "handler-a");
        answers.approve(v2, "supervisor-b", false);
        assertThat(answers.find(id).orElseThrow().status()).isEqualTo(StandardAnswer.Status.SUPERSEDED);
        assertThat(send(city, later, "信息公开工作考核看哪些方面")).contains("占总分5%");

        assertThat(answers.withdraw(v2, "supervisor-b")).isTrue();
        assertThat(send(city, later, "信息公开工作考核看哪些方面")).doesNotContain("绩效考核");
    }

    @Test
    void theMatchThresholdMatchesOtherWordingsAndNoQuestionOfTheSameDomainOnItsDevSet() throws IOException {
        List<StandardAnswer> standards = new ArrayList<>();
        List<List<String>> positives = new ArrayList<>();
        List<String> negatives = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/faq/standard-match-dev.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("Q: ")) {
                    List<String> w = Arrays.stream(line.substring(3).split("\\|")).map(String::strip).toList();
                    standards.add(new StandardAnswer(standards.size() + 1, standards.size() + 1, 1, w.get(0), w.subList(1, w.size()),
                            "答复", "依据", LocalDate.MIN, null, StandardAnswer.Status.APPROVED, "a", Instant.EPOCH, "b", Instant.EPOCH));
                    positives.add(new ArrayList<>());
                } else if (line.startsWith("+ ")) {
                    positives.get(positives.size() - 1).add(line.substring(2).strip());
                } else if (line.startsWith("- ")) {
                    negatives.add(line.substring(2).strip());
                }
            }
        }
        List<StandardAnswerCatalog.Wording> wordings = standards.stream().flatMap(s -> catalog.wordingsOf(s).stream()).toList();
        LocalDate today = LocalDate.now();
        int matched = 0;
        int total = 0;
        for (int s = 0; s < standards.size(); s++) {
            for (String q : positives.get(s)) {
                total++;
                var found = catalog.best(vector(q), q, wordings, today);
                assertThat(found.map(StandardAnswer::id).orElse(standards.get(s).id())).as("never another answer: " + q)
                        .isEqualTo(standards.get(s).id());
                matched += found.isPresent() ? 1 : 0;
            }
        }
        for (String q : negatives) {
            assertThat(catalog.best(vector(q), q, wordings, today)).as("no false match: " + q).isEmpty();
        }
        assertThat(matched).as("other wordings matched (9 of 12 when chosen at " + properties.match() + ")")
                .isGreaterThanOrEqualTo(total * 3 / 4);
    }

    @Autowired
    cn.zwgk.assistant.knowledge.TextSimilarity similarity;

    private float[] vector(String q) {
        return similarity.vector(q);
    }

    private String send(WechatTestClient client, String openid, String text) {
        return WechatTestClient.extract(client.postPlain(client.textXml(openid, text, WechatTestClient.nextMsgId())).body(),
                "Content");
    }
}
