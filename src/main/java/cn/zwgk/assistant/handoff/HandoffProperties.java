package cn.zwgk.assistant.handoff;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cn.zwgk.assistant.staff.Role;

/**
 * 转人工 settings.
 *
 * @param hours       the office's hours on working days (the working-day calendar decides which days),
 *                    as {@code HH:mm-HH:mm} ranges
 * @param zone        the office's time zone
 * @param idleTimeout a held conversation ends after this long without a message from either side
 * @param onDuty      the staff role whose bound members are told of a new request
 */
@ConfigurationProperties("handoff")
record HandoffProperties(
        @DefaultValue({"09:00-12:00", "13:30-17:30"}) List<String> hours,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("HANDLER") Role onDuty) {
}
