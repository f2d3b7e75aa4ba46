package cn.zwgk.assistant.conversation;

import java.time.Instant;

/**
 * A handled message waiting in memory to be logged, still unmasked: it is redacted by
 * {@link LogRedactor} on the writer thread, before anything reaches the database.
 */
record PendingLog(Instant at, String appId, String openid, InboundMessage.Kind kind, String event, Intent intent,
                  String inboundText, String replyText, int handlingMs) {
}
