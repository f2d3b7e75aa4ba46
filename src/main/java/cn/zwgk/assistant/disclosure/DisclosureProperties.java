package cn.zwgk.assistant.disclosure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Disclosure settings.
 *
 * @param personalDataRetention how long after a case is closed or withdrawn its ID number, phone,
 *                              address and e-mail are kept; then they are erased (the case stays)
 * @param draftRetention        how long conversation drafts (submitted, cancelled or abandoned) are kept
 * @param retentionCron         when the retention job runs
 */
@ConfigurationProperties("disclosure")
public record DisclosureProperties(
        @DefaultValue("1825d") Duration personalDataRetention,
        @DefaultValue("30d") Duration draftRetention,
        @DefaultValue("0 30 3 * * *") String retentionCron) {
}
