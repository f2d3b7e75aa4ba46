package cn.zwgk.assistant.handoff;

import java.time.Instant;

/**
 * One message while a person held the conversation: the citizen's (masked) or a staff reply.
 *
 * @param deliveryKey the outbox key of a staff reply, to show whether WeChat accepted it
 */
public record HandoffMessage(long id, long handoffId, Sender sender, String staffUser, String text, Instant sentAt,
                             String deliveryKey) {

    public enum Sender { CITIZEN, STAFF }
}
