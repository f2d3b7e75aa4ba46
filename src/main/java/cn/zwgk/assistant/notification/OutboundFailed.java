package cn.zwgk.assistant.notification;

/** An outbound message failed for good (permanent error or attempts exhausted). */
public record OutboundFailed(String deliveryKey, String channel, String account, String recipient, String payload,
                             String error) {
}
