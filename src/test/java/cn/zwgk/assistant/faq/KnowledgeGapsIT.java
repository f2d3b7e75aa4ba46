package cn.zwgk.assistant.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zwgk.assistant.knowledge.TextSimilarity;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * 待完善问题 through the webhook: questions the documents do not answer, and answers rated unhelpful,
 * are kept masked and grouped by meaning, most askers first; and the grouping threshold holds on its
 * dev set.
 */
// a context of its own: the gap list must hold this test's questions only (GapsBrowserIT records similar ones)
@org.springframework.test.context.TestPropertySource(properties = "faq.test-context=own-gaps-only")
class KnowledgeGapsIT extends ChannelIntegrationTest {

    @Autowired
    KnowledgeGaps gaps;

    @Autowired
    TextSimilarity similarity;

    @Autowired
    FaqProperties properties;

    @Test
    void unansweredAndUnhelpfullyAnsweredQuestionsAreGroupedByMeaningMostAskersFirst() {
        WechatTestClient city = city();
        String tag = Long.toString(WechatTestClient.nextMsgId(), 36);
        awaitKnowledgeLoaded();
        assertThat(send(city, newOpenid("gapa" + tag), "政府信息公开申请的咨询热线电话是多少？我电话13912345678"))
                .contains("没有找到");
        assertThat(send(city, newOpenid("gapb" + tag), "申请政府信息公开的咨询热线是多少")).contains("没有找到");
        assertThat(send(city, newOpenid("gapc" + tag), "政府信息公开工作的考核办法是什么")).contains("没有找到");
        String rater = newOpenid("gapd" + tag);
        send(city, rater, "申请要收费吗？");
        send(city, rater, "2");

        // recorded after the replies: faq hears knowledge's and feedback's events after their commit
        List<GapGroup> groups = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> gaps.groups(7, 50), gs -> gs.stream().mapToInt(GapGroup::asked).sum() >= 4);
        GapGroup hotline = groups.stream().filter(g -> g.examples().stream().anyMatch(e -> e.contains("139****5678")))
                .findFirst().orElseThrow();
        assertThat(hotline.askers()).as("two citizens, one meaning").isGreaterThanOrEqualTo(2);
        assertThat(hotline.examples()).anyMatch(e -> e.contains("咨询热线是多少"))
                .noneMatch(e -> e.contains("13912345678"));
        GapGroup assessment = groups.stream().filter(g -> g.question().contains("考核办法")).findFirst().orElseThrow();
        assertThat(assessment.examples()).noneMatch(e -> e.contains("热线"));
        assertThat(groups).anyMatch(g -> g.question().contains("收费") && g.unhelpful() >= 1);
        assertThat(groups).as("most askers first")
                .isSortedAccordingTo(java.util.Comparator.comparingInt(GapGroup::askers).reversed());
        assertThat(groups).as("a loading knowledge base is not a gap").noneMatch(g -> g.lastAnswer().contains("正在加载"));
    }

    @Test
    void theGroupingThresholdKeepsTopicsApartAndTogetherOnItsDevSet() throws IOException {
        List<Integer> topic = new ArrayList<>();
        List<GapClusters.Item<Integer>> items = new ArrayList<>();
        List<List<String>> topics = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/faq/gap-topics-dev.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    topics.add(Arrays.stream(line.split("\\|")).map(String::strip).toList());
                }
            }
        }
        for (int k = 0; k < 4; k++) { // as they might arrive: the topics interleaved
            for (int t = 0; t < topics.size(); t++) {
                String q = topics.get(t).get(k);
                items.add(new GapClusters.Item<>(items.size(), q, similarity.vector(q)));
                topic.add(t);
            }
        }
        List<List<GapClusters.Item<Integer>>> groups = GapClusters.group(items, properties.sameGap());
        int[] group = new int[items.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (GapClusters.Item<Integer> item : groups.get(g)) {
                group[item.value()] = g;
            }
        }
        int together = 0;
        int mixed = 0;
        int sameTopic = 0;
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                boolean same = topic.get(i).equals(topic.get(j));
                sameTopic += same ? 1 : 0;
                together += same && group[i] == group[j] ? 1 : 0;
                mixed += !same && group[i] == group[j] ? 1 : 0;
            }
        }
        assertThat(mixed).as("no group mixes two topics").isZero();
        assertThat(together / (double) sameTopic).as("pairs of one topic grouped together (0.51 when chosen)")
                .isGreaterThanOrEqualTo(0.45);
    }

    private String send(WechatTestClient client, String openid, String text) {
        HttpResponse<String> response = client.postPlain(client.textXml(openid, text, WechatTestClient.nextMsgId()));
        assertThat(response.statusCode()).isEqualTo(200);
        return WechatTestClient.extract(response.body(), "Content");
    }
}
