package cn.zwgk.assistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import cn.zwgk.assistant.support.ModuleTest;

/**
 * The conversation alone, with no feature plugged in: a citizen's question is classified and announced
 * (for the early warning), and still gets a reply.
 */
@ModuleTest
class ConversationModuleTest {

    @Autowired
    ConversationService conversations;

    @Test
    void aCitizensQuestionIsAnnouncedWithItsIntentAndAnswered(Scenario scenario) {
        InboundMessage question = new InboundMessage("wxApp", "oConversation", InboundMessage.Kind.TEXT,
                "申请政府信息公开需要多长时间？", null, null, "m-conversation-1", Instant.now());
        scenario.stimulate(() -> conversations.handle(question))
                .andWaitForEventOfType(CitizenAsked.class)
                .matching(e -> e.openid().equals("oConversation"))
                .toArriveAndVerify((asked, reply) -> {
                    assertThat(asked.intent()).isEqualTo(Intent.POLICY_QUESTION);
                    assertThat(reply.text()).isNotBlank();
                });
    }
}
