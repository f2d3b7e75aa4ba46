package cn.zwgk.assistant.notification;

import java.time.Instant;

/** A stored outbound message and where it stands. */
public record OutboxEntry(long id, String deliveryKey, String channel, String account, String recipient,
                          String payload, Status status, int attempts, Instant nextAttemptAt, String lastError,
                          Instant createdAt, Instant sentAt) {

    public enum Status { PENDING, SENDING, SENT, FAILED }
}
