package cn.zwgk.assistant.conversation;

import java.util.Optional;

/**
 * An answer that takes precedence over the intent handlers when it applies, e.g. the approved quick
 * response (口径) on a public-opinion incident, which every citizen asking about it must get first.
 */
public interface PriorityAnswer {

    /** The answer to give instead of the handlers' one, or empty to let them answer. */
    Optional<Reply> answer(InboundMessage message, Intent intent);
}
