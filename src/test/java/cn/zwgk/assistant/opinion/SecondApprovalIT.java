package cn.zwgk.assistant.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.conversation.ConversationService;
import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.TestBackends;

/** With second approval on, a 口径 is used only after another person approved it. */
@org.junit.jupiter.api.extension.ExtendWith(ExternalBackendCondition.class)
class SecondApprovalIT {

    @Test
    void aQuickResponseWaitsForAnotherPersonsApproval() {
        Map<String, String> props = TestBackends.properties();
        props.put("opinion.second-approval", "true");
        try (AppInstance app = AppInstance.start(props)) {
            IncidentService incidents = app.bean(IncidentService.class);
            ConversationService conversation = app.bean(ConversationService.class);
            Incident incident = incidents.open("西门菜市场食品安全问题", Severity.GENERAL, List.of("西门菜市场"), "宣传科王", null, null);
            QuickResponse pending = incidents.issueResponse(incident.id(), "经抽检，西门菜市场在售蔬菜农残均合格。", "宣传科王");
            assertThat(pending.status()).isEqualTo(QuickResponse.Status.PENDING_APPROVAL);
            assertThat(say(conversation, "西门菜市场的菜还能买吗")).doesNotContain("农残均合格");

            assertThatThrownBy(() -> incidents.approve(incident.id(), pending.id(), "宣传科王"))
                    .hasMessageContaining("another person");
            QuickResponse approved = incidents.approve(incident.id(), pending.id(), "分管领导李");
            assertThat(approved.status()).isEqualTo(QuickResponse.Status.PUBLISHED);
            assertThat(approved.approvedBy()).isEqualTo("分管领导李");
            assertThat(say(conversation, "西门菜市场的菜还能买吗")).contains("农残均合格");
            assertThatThrownBy(() -> incidents.approve(incident.id(), pending.id(), "分管领导李"))
                    .hasMessageContaining("not waiting");
        }
    }

    private static String say(ConversationService conversation, String text) {
        return conversation.handle(new InboundMessage("wx5f8e2d1c0b9a7e01", "oCitizen" + UUID.randomUUID(),
                InboundMessage.Kind.TEXT, text, null, null, UUID.randomUUID().toString(), Instant.now())).text();
    }
}
