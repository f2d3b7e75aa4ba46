package cn.zwgk.assistant.disclosure;

import java.util.List;

import cn.zwgk.assistant.platform.Masking;

/**
 * A case as staff and applicants see it: personal data masked, dates as {@code YYYY-MM-DD}.
 *
 * @param dueProvisional the due date crosses a year without a holiday arrangement and must be checked
 * @param timeline       the case's history (detail view only, else empty)
 * @param attachments    the files attached to the reply (detail view only, else empty)
 */
public record CaseView(String trackingNo, String status, String channel, String applicantType, String applicantName,
                       String legalRepresentative, String contactPerson, String idNumber, String creditCode,
                       String phone, String address, String email, String description, String purpose, String form,
                       String delivery, String receivedOn, String clockStartOn, String correctionDueOn, String dueOn,
                       boolean dueProvisional, int extensionDays, int pausedDays, String replyKind, String replyText,
                       String appId, String openid, List<TimelineEntry> timeline,
                       List<AttachmentEntry> attachments) {

    /** One entry of a case's history. */
    public record TimelineEntry(String at, String actor, String action, String fromStatus, String toStatus,
                                String detail) {
    }

    /**
     * A file attached to the case.
     *
     * @param sentAt when the reply delivered it; null while it is only attached (and may be deleted)
     */
    public record AttachmentEntry(long id, String name, String contentType, long size, String sha256,
                                  String uploadedBy, String uploadedAt, String sentAt) {
    }

    static CaseView of(DisclosureCase c, List<TimelineEntry> timeline) {
        return of(c, timeline, List.of());
    }

    static CaseView of(DisclosureCase c, List<TimelineEntry> timeline, List<AttachmentEntry> attachments) {
        DisclosureRequest a = c.application;
        return new CaseView(c.trackingNo, c.status.name(), c.channel.name(), a.applicantType().name(),
                a.applicantName(), a.legalRepresentative(), a.contactPerson(), Masking.idNumber(a.idNumber()),
                a.creditCode(), Masking.phone(a.phone()), Masking.address(a.address()), Masking.email(a.email()),
                a.description(), a.purpose(), a.form().name(), a.delivery().name(), str(c.receivedOn),
                str(c.clockStartOn), str(c.correctionDueOn), str(c.dueOn), c.dueProvisional, c.extensionDays,
                c.pausedDays, c.replyKind == null ? null : c.replyKind.name(), c.replyText, c.appId, c.openid, timeline,
                attachments);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
