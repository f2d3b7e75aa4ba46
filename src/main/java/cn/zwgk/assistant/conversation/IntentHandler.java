package cn.zwgk.assistant.conversation;

/**
 * Answers one kind of request. Feature modules contribute handlers as beans; for each intent the
 * handler with the highest precedence ({@link org.springframework.core.annotation.Order}) wins, so
 * a module takes precedence over the fallback this module ships.
 */
public interface IntentHandler {

    boolean supports(Intent intent);

    Reply handle(InboundMessage message, Intent intent);
}
