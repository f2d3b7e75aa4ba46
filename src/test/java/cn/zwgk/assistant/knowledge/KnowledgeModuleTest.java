package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.zwgk.assistant.conversation.UserSessions;
import cn.zwgk.assistant.feedback.RatingService;
import cn.zwgk.assistant.handoff.HandoffService;
import cn.zwgk.assistant.support.ModuleTest;

/**
 * The knowledge base alone (the sessions, ratings and hand-offs its WeChat handler uses are mocked, no
 * sample documents): a policy imported as needing an interpretation is announced for whoever plans that
 * deadline, and a question about it is answered from it, with it cited.
 */
@ModuleTest
class KnowledgeModuleTest {

    @MockitoBean
    UserSessions sessions;
    @MockitoBean
    RatingService ratings;
    @MockitoBean
    HandoffService handoffs;

    @Autowired
    KnowledgeService knowledge;

    @Test
    void aPolicyNeedingInterpretationIsAnnouncedAndThenCitedInAnswers(Scenario scenario) {
        String title = "示例县农村公路养护补助办法" + UUID.randomUUID().toString().substring(0, 6);
        String policy = title + "\n发布机构：示例县交通运输局  发布日期：2026-11-02\n一、补助标准\n"
                + "县道每公里每年补助8000元，乡道每公里每年补助5000元。\n二、申请方式\n由乡镇人民政府每年3月底前向县交通运输局申报。\n";
        Map<String, byte[]> files = Map.of("road.txt", policy.getBytes(StandardCharsets.UTF_8));

        scenario.stimulate(() -> knowledge.importDocuments(files, new ImportOptions(true, "法规科")).get(0))
                .andWaitForEventOfType(PolicyDocumentImported.class)
                .matching(e -> e.title().equals(title))
                .toArriveAndVerify((imported, result) -> {
                    assertThat(result.outcome()).isEqualTo("CREATED");
                    assertThat(imported.documentId()).isEqualTo(result.documentId());
                    assertThat(imported.department()).isEqualTo("法规科");
                    assertThat(imported.publishedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
                });

        await().atMost(Duration.ofSeconds(60)).until(knowledge::ready);
        Answer answer = knowledge.ask("县道养护每公里每年补助多少钱？");
        assertThat(answer.grounded()).isTrue();
        assertThat(answer.body()).contains("8000");
        assertThat(answer.citations()).extracting(SearchHit::title).containsExactly(title);
    }
}
