package cn.zwgk.assistant.handoff;

import java.util.Optional;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.ConversationHold;
import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.conversation.UserSessions;
import cn.zwgk.assistant.platform.Texts;

/**
 * Which citizens a person is talking to, as a field of their conversation state, so that the bot
 * tells without a round trip of its own and stays silent for them: their messages go to the handoff,
 * and they get a short acknowledgement. The field lasts the idle timeout, renewed by each message, so
 * a lost close never silences the bot for good.
 */
@Component
class HeldConversations implements ConversationHold {

    private static final String HELD = "handoff.held";

    private final UserSessions sessions;
    private final HandoffService handoffs;
    private final Texts texts;
    private final HandoffProperties properties;

    HeldConversations(UserSessions sessions, @Lazy HandoffService handoffs, Texts texts, HandoffProperties properties) {
        this.sessions = sessions;
        this.handoffs = handoffs;
        this.texts = texts;
        this.properties = properties;
    }

    void hold(String appId, String openid, long handoffId) {
        sessions.putFor(appId, openid, HELD, Long.toString(handoffId), properties.idleTimeout());
    }

    void release(String appId, String openid) {
        sessions.remove(appId, openid, HELD);
    }

    @Override
    public Optional<Reply> whileHeld(InboundMessage message) {
        if (message.kind() != InboundMessage.Kind.TEXT) {
            return Optional.empty();
        }
        Optional<String> id = sessions.getLive(message.appId(), message.openid(), HELD);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        handoffs.citizenWrote(Long.parseLong(id.get()), message.text());
        hold(message.appId(), message.openid(), Long.parseLong(id.get()));
        return Optional.of(Reply.of(texts.get("handoff.acknowledged")));
    }
}
