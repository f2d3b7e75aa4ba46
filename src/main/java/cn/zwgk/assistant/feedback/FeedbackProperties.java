package cn.zwgk.assistant.feedback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Citizen feedback (好差评) settings.
 *
 * @param ratingWindow how long after an answer a "1" or "2" rates it; later, they mean what they otherwise mean
 */
@ConfigurationProperties("feedback")
record FeedbackProperties(@DefaultValue("10m") Duration ratingWindow) {
}
