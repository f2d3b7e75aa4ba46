package cn.zwgk.assistant.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox settings.
 *
 * @param pollInterval how often each instance looks for due messages
 * @param batchSize    how many messages one poll claims at most
 * @param maxAttempts  attempts before a message is marked failed
 * @param firstBackoff back-off after the first failure; doubled each time up to {@code maxBackoff}
 * @param maxBackoff   the longest back-off
 * @param lease        how long a claimed message is reserved for the instance sending it
 */
@ConfigurationProperties("notification.outbox")
record NotificationProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("2s") Duration firstBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("60s") Duration lease) {
}
