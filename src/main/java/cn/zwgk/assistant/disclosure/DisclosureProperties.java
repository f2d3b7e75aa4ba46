package cn.zwgk.assistant.disclosure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Disclosure settings.
 *
 * @param personalDataRetention how long after a case is closed or withdrawn its ID number, phone,
 *                              address and e-mail are kept; then they are erased (the case stays)
 * @param draftRetention        how long conversation drafts (submitted, cancelled or abandoned) are kept
 * @param retentionCron         when the retention job runs
 * @param attachments           files attached to replies and the links applicants download them by
 * @param maxConcurrentSubmissions how many new cases one instance stores at once (see {@link SubmissionGate})
 * @param submissionWait        how long a citizen's confirmation waits for one of those slots before the
 *                              dialog answers "busy, confirm again" (the draft is kept)
 */
@ConfigurationProperties("disclosure")
record DisclosureProperties(
        @DefaultValue("1825d") Duration personalDataRetention,
        @DefaultValue("30d") Duration draftRetention,
        @DefaultValue("0 30 3 * * *") String retentionCron,
        @DefaultValue Attachments attachments,
        @DefaultValue("8") int maxConcurrentSubmissions,
        @DefaultValue("300ms") Duration submissionWait) {

    /**
     * @param maxFileSize     largest file staff may attach (keep {@code spring.servlet.multipart.max-file-size} above it)
     * @param maxFilesPerCase most files one case may carry
     * @param linkValidity    how long the download links sent to the applicant work
     * @param publicBaseUrl   how applicants reach this server ({@code https://gk.example.gov.cn}); blank takes
     *                        the scheme and host of the staff request that sends the reply
     */
    public record Attachments(
            @DefaultValue("10MB") DataSize maxFileSize,
            @DefaultValue("20") int maxFilesPerCase,
            @DefaultValue("30d") Duration linkValidity,
            String publicBaseUrl) {
    }
}
