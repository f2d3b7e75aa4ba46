package cn.zwgk.assistant.conversation;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Texts;

/**
 * The answers this module gives on its own: greetings, help, and a clear "not yet available"
 * for features whose modules are not installed. Feature modules override them with handlers of
 * higher precedence.
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
            case POLICY_QUESTION -> texts.get("conversation.placeholder.policy");
            case DISCLOSURE_APPLICATION, PROGRESS_QUERY, STAFF_COMMAND -> texts.get("conversation.fallback");
            case MORE -> texts.get("conversation.no-more");
        });
    }
}
