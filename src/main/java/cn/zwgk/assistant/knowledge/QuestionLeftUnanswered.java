package cn.zwgk.assistant.knowledge;

import java.time.Instant;

/**
 * A citizen's policy question that the published documents did not answer (the honest "not found"
 * was given). Published on the thread that answers the message.
 *
 * @param question the question as asked (may hold personal data: listeners mask it before keeping it)
 * @param reply    what the citizen was told
 */
public record QuestionLeftUnanswered(String appId, String openid, String question, String reply, Instant at) {
}
