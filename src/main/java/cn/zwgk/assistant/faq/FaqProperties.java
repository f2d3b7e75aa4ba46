package cn.zwgk.assistant.faq;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Knowledge gaps (待完善问题).
 *
 * @param gapRetention how long an unanswered question is kept (with the asker's openid)
 * @param sameGap      a question joins a gap when its bge cosine to the gap's first question, plus 0.15 ×
 *                     their shared character pairs (Jaccard), reaches this. Chosen on
 *                     {@code src/test/resources/faq/gap-topics-dev.txt} as the lowest value that never
 *                     groups two different questions (0.82 already mixes questions of one domain):
 *                     paraphrases are then grouped about half the time (docs/knowledge.md)
 */
@ConfigurationProperties("faq")
public record FaqProperties(
        @DefaultValue("30d") Duration gapRetention,
        @DefaultValue("0.85") double sameGap) {
}
