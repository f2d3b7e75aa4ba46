package cn.zwgk.assistant.feedback;

import java.time.Instant;

/**
 * A citizen rated a policy answer unhelpful ("2"). The question and answer are already masked.
 */
public record AnswerRatedUnhelpful(String appId, String openid, String question, String answer, Instant at) {
}
