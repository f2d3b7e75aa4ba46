package cn.zwgk.assistant.handoff;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.IntentHandler;
import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.platform.Texts;

/**
 * "人工", "转人工", the 人工服务 menu item: queues the request where the account can reply with
 * customer-service messages (a person's replies are such messages), hands it to WeChat's own
 * customer-service system where the account uses that, and elsewhere points to the hotline.
 */
@Component
@Order(100)
class HandoffHandler implements IntentHandler {

    private final HandoffService handoffs;
    private final Texts texts;

    HandoffHandler(HandoffService handoffs, Texts texts) {
        this.handoffs = handoffs;
        this.texts = texts;
    }

    @Override
    public boolean supports(Intent intent) {
        return intent == Intent.HANDOFF;
    }

    @Override
    public Reply handle(InboundMessage message, Intent intent) {
        if (handoffs.handledByWechat(message.appId())) {
            return Reply.transferToCustomerService();
        }
        if (!handoffs.available(message.appId())) {
            return Reply.of(texts.get("handoff.unavailable"));
        }
        return Reply.of(switch (handoffs.request(message.appId(), message.openid())) {
            case QUEUED -> texts.get("handoff.queued");
            case ALREADY_OPEN -> texts.get("handoff.already");
            case QUEUED_OFF_HOURS -> handoffs.nextOpening()
                    .map(when -> texts.get("handoff.off-hours", when))
                    .orElseGet(() -> texts.get("handoff.off-hours-unknown"));
        });
    }
}
