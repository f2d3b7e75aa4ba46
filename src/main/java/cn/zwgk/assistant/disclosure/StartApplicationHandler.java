package cn.zwgk.assistant.disclosure;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.IntentHandler;
import cn.zwgk.assistant.conversation.Reply;

/**
 * Starts the application dialog for {@link Intent#DISCLOSURE_APPLICATION}: "我想申请公开…", the
 * 依申请公开 menu, or any module routing that intent (the knowledge base's hand-off).
 */
@Component
@Order(100)
class StartApplicationHandler implements IntentHandler {

    private final DisclosureDialog dialog;

    StartApplicationHandler(DisclosureDialog dialog) {
        this.dialog = dialog;
    }

    @Override
    public boolean supports(Intent intent) {
        return intent == Intent.DISCLOSURE_APPLICATION;
    }

    @Override
    public Reply handle(InboundMessage message, Intent intent) {
        return dialog.start(message);
    }
}
