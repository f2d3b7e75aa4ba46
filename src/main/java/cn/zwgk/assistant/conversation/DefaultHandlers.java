package cn.zwgk.assistant.conversation;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Texts;

/**
 * The answers this module gives on its own: greetings and help, and the fallback text for an
 * intent no feature module answers. Feature modules take precedence with their own handlers.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DefaultHandlers implements IntentHandler {

    private final Texts texts;

    DefaultHandlers(Texts texts) {
        this.texts = texts;
    }

    @Override
    public boolean supports(Intent intent) {
        return true;
    }

    @Override
    public Reply handle(InboundMessage message, Intent intent) {
        return Reply.of(switch (intent) {
            case SMALL_TALK -> texts.get("conversation.greeting");
            case HELP -> texts.get("conversation.help");
            case POLICY_QUESTION, DISCLOSURE_APPLICATION, PROGRESS_QUERY, STAFF_COMMAND, HOT_QUESTIONS, HANDOFF ->
                    texts.get("conversation.fallback");
            case MORE -> texts.get("conversation.no-more");
        });
    }
}
