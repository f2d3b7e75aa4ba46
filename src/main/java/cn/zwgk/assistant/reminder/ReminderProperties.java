package cn.zwgk.assistant.reminder;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminder settings.
 *
 * @param zone             the office's time zone
 * @param disclosureOffsets working days before a reply deadline at which handlers are reminded
 * @param workingHour      the time of day automatic reminders fire on working days
 * @param quietStart       no automatic push from this time …
 * @param quietEnd         … until this time, except critical alerts
 * @param acknowledgeWithin a critical reminder not acknowledged ("收到 N") within this escalates
 * @param publicBaseUrl    where staff's browsers reach this application (the acknowledgement links
 *                         in template messages are {@code <publicBaseUrl>/ack/<token>})
 * @param ackLinkValidity  how long an acknowledgement link works after the reminder fired
 */
@ConfigurationProperties("reminder")
record ReminderProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue({"5", "3", "1"}) List<Integer> disclosureOffsets,
        @DefaultValue("09:00") LocalTime workingHour,
        @DefaultValue("22:00") LocalTime quietStart,
        @DefaultValue("08:00") LocalTime quietEnd,
        @DefaultValue("2h") Duration acknowledgeWithin,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("7d") Duration ackLinkValidity) {
}
