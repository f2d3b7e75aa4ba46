package cn.zwgk.assistant.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conversation settings.
 *
 * @param sessionTtl        how long per-user state lives in Redis after the last message
 * @param pageChars         the longest message sent to WeChat, in characters, "回复更多" suffix included
 * @param logRetention      how long the conversation log keeps a message (older rows are deleted daily)
 * @param logFlushInterval  how long a logged message may wait in memory before it is written
 * @param logBatchSize      the most rows written in one batch (a full batch is written at once)
 * @param logQueueCapacity  the most messages waiting to be logged; beyond it messages are not logged (counted)
 */
@ConfigurationProperties("conversation")
public record ConversationProperties(
        @DefaultValue("24h") Duration sessionTtl,
        @DefaultValue("600") int pageChars,
        @DefaultValue("180d") Duration logRetention,
        @DefaultValue("500ms") Duration logFlushInterval,
        @DefaultValue("200") int logBatchSize,
        @DefaultValue("10000") int logQueueCapacity) {
}
