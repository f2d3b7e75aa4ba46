package cn.zwgk.assistant.conversation;

import java.time.Instant;

/**
 * Inbound messages in one hour.
 *
 * @param hour     the start of the hour
 * @param inbound  messages handled in that hour (text, events and unsupported types)
 * @param users    distinct senders in that hour
 */
public record HourlyVolume(Instant hour, long inbound, long users) {
}
