package cn.zwgk.assistant.conversation;

import java.util.Optional;

/**
 * A person holds the citizen's conversation (转人工): the bot does not answer, dialogs included, and
 * the message goes to that person. Asked first for every message.
 */
public interface ConversationHold {

    /** What the bot says instead of answering (an acknowledgement) while the conversation is held, else empty. */
    Optional<Reply> whileHeld(InboundMessage message);
}
