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
 * @param match        a question gets a standard answer when its score against one of the answer's
 *                     wordings (the same score) reaches this. Chosen on
 *                     {@code src/test/resources/faq/standard-match-dev.txt} as the lowest value with no
 *                     false match: 9 of 12 other wordings match, none of 8 questions of the same domain
 * @param pushWindow   citizens who asked a matching question this recently may be sent a new standard answer
 */
@ConfigurationProperties("faq")
record FaqProperties(
        @DefaultValue("30d") Duration gapRetention,
        @DefaultValue("0.85") double sameGap,
        @DefaultValue("0.90") double match,
        @DefaultValue("48h") Duration pushWindow) {
}
