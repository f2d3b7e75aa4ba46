package cn.zwgk.assistant.knowledge;

import java.time.Instant;

/**
 * A citizen's policy question got a weak answer: the honest "not found" ({@code NO_EVIDENCE}), or an
 * answer whose best sentence only just addressed it ({@code LOW_CONFIDENCE}). Published on the thread
 * that answers the message.
 *
 * @param question the question as asked (may hold personal data: listeners mask it before keeping it)
 * @param reply    what the citizen was told
 * @param reason   {@code NO_EVIDENCE} or {@code LOW_CONFIDENCE}
 */
public record WeakAnswerGiven(String appId, String openid, String question, String reply, String reason, Instant at) {
}
