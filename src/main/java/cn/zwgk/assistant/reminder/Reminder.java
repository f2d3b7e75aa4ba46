package cn.zwgk.assistant.reminder;

import java.time.Instant;
import java.util.List;

/**
 * A reminder and where it stands.
 *
 * @param recipients openids, or {@code role:SUPERVISOR}-style entries resolved when it fires
 * @param nextFireTime when Quartz will fire it (null once fired or cancelled)
 */
public record Reminder(long id, String subject, ReminderKind kind, String title, String text, List<String> recipients,
                       Instant fireAt, boolean critical, Status status, Instant nextFireTime, Instant acknowledgedAt) {

    public enum Status { PENDING, FIRED, CANCELLED }
}
