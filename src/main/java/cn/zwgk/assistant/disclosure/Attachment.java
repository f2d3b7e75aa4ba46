package cn.zwgk.assistant.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A file attached to a case, without its bytes.
 *
 * @param name   the sanitised original name (Chinese kept), shown and offered as the name to save under
 * @param sentAt when the reply that delivered it was sent; null while it is only attached
 */
record Attachment(long id, String trackingNo, String name, String contentType, long size, String sha256,
                  String uploadedBy, Instant uploadedAt, Instant sentAt) {

    CaseView.AttachmentEntry entry() {
        return new CaseView.AttachmentEntry(id, name, contentType, size, sha256, uploadedBy, uploadedAt.toString(),
                sentAt == null ? null : sentAt.toString());
    }

    static List<CaseView.AttachmentEntry> entries(List<Attachment> attachments) {
        return attachments.stream().map(Attachment::entry).toList();
    }

    static String names(List<Attachment> attachments) {
        return attachments.stream().map(Attachment::name).collect(Collectors.joining(", "));
    }
}
