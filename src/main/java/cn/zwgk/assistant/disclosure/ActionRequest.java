package cn.zwgk.assistant.disclosure;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of a workflow action; each action reads the fields it needs.
 *
 * @param items    request-correction: what the applicant must correct or add
 * @param days     extend: working days (1–20)
 * @param approver extend: who approved
 * @param reason   extend (required), close and withdraw (optional)
 * @param kind     reply: the Art. 36 kind
 * @param text     reply: the reply text; start-consultation: the third party
 * @param date     correction-received, start-/end-consultation: the date (default today)
 * @param attachmentIds reply: the attachments to send (ids from {@code /attachments}); absent sends all attached
 */
public record ActionRequest(List<String> items, Integer days, String approver, String reason, ReplyKind kind,
                            String text, LocalDate date, List<Long> attachmentIds) {

    public ActionRequest(List<String> items, Integer days, String approver, String reason, ReplyKind kind, String text,
                         LocalDate date) {
        this(items, days, approver, reason, kind, text, date, null);
    }

    public static ActionRequest empty() {
        return new ActionRequest(null, null, null, null, null, null, null, null);
    }
}
