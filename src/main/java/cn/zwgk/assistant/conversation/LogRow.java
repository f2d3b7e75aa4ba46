package cn.zwgk.assistant.conversation;

import java.time.Instant;

/** A redacted conversation-log row, ready to be written. */
record LogRow(Instant at, Instant hourBucket, String appId, String userHash, String userMasked,
              InboundMessage.Kind kind, String event, Intent intent, String inboundText, String replyText,
              int handlingMs) {
}
