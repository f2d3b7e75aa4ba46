package cn.zwgk.assistant.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conversation settings.
 *
 * @param sessionTtl   how long per-user state lives in Redis after the last message
 * @param pageChars    the longest message sent to WeChat, in characters, "回复更多" suffix included
 */
@ConfigurationProperties("conversation")
public record ConversationProperties(
        @DefaultValue("24h") Duration sessionTtl,
        @DefaultValue("600") int pageChars) {
}
