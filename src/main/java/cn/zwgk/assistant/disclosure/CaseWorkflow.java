package cn.zwgk.assistant.disclosure;

import static cn.zwgk.assistant.disclosure.CaseStatus.ACCEPTED;
import static cn.zwgk.assistant.disclosure.CaseStatus.CLOSED;
import static cn.zwgk.assistant.disclosure.CaseStatus.CONSULTING;
import static cn.zwgk.assistant.disclosure.CaseStatus.CORRECTION_REQUESTED;
import static cn.zwgk.assistant.disclosure.CaseStatus.EXTENDED;
import static cn.zwgk.assistant.disclosure.CaseStatus.RECEIVED;
import static cn.zwgk.assistant.disclosure.CaseStatus.REPLIED;
import static cn.zwgk.assistant.disclosure.CaseStatus.WITHDRAWN;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The status machine of a case. {@link #apply} checks that the action is allowed, changes the case
 * (status, clock, extension, pauses, reply) and recomputes its deadlines; it returns the note the
 * applicant should see.
 */
@Component
class CaseWorkflow {

    static final List<String> ACTIONS = List.of("accept", "request-correction", "correction-received", "extend",
            "start-consultation", "end-consultation", "reply", "close", "withdraw");

    private final Deadlines deadlines;

    CaseWorkflow(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    String apply(DisclosureCase c, String action, ActionRequest r, LocalDate today) {
        ActionRequest req = r == null ? ActionRequest.empty() : r;
        String note = switch (action) {
            case "accept" -> move(c, action, EnumSet.of(RECEIVED), ACCEPTED, "");
            case "request-correction" -> requestCorrection(c, req);
            case "correction-received" -> correctionReceived(c, req, today);
            case "extend" -> extend(c, req);
            case "start-consultation" -> startConsultation(c, req, today);
            case "end-consultation" -> endConsultation(c, req, today);
            case "reply" -> reply(c, req);
            case "close" -> move(c, action, EnumSet.of(REPLIED, CORRECTION_REQUESTED), CLOSED, text(req.reason()));
            case "withdraw" -> move(c, action, EnumSet.of(RECEIVED, ACCEPTED, CORRECTION_REQUESTED, EXTENDED, CONSULTING),
                    WITHDRAWN, text(req.reason()));
            default -> throw new IllegalArgumentException("unknown action '" + action + "'; one of " + ACTIONS);
        };
        deadlines.recompute(c);
        return note;
    }

    private String requestCorrection(DisclosureCase c, ActionRequest req) {
        List<String> items = req.items() == null ? List.of()
                : req.items().stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList();
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items: list what the applicant must correct (at least one item)");
        }
        if (!c.clockStartOn.equals(c.receivedOn)) {
            throw new IllegalTransitionException("a correction was already requested once for " + c.trackingNo
                    + " (Art. 30 allows one notice)");
        }
        StringBuilder note = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            note.append(i + 1).append(". ").append(items.get(i)).append('\n');
        }
        return move(c, "request-correction", EnumSet.of(RECEIVED, ACCEPTED), CORRECTION_REQUESTED, note.toString().strip());
    }

    private String correctionReceived(DisclosureCase c, ActionRequest req, LocalDate today) {
        LocalDate on = req.date() == null ? today : req.date();
        if (on.isBefore(c.receivedOn) || on.isAfter(today)) {
            throw new IllegalArgumentException("date: the correction cannot arrive before the application or in the future");
        }
        move(c, "correction-received", EnumSet.of(CORRECTION_REQUESTED), RECEIVED, "");
        c.clockStartOn = on;
        return "";
    }

    private String extend(DisclosureCase c, ActionRequest req) {
        if (c.extensionDays > 0) {
            throw new IllegalTransitionException(c.trackingNo + " was already extended once");
        }
        if (req.days() == null || req.days() < 1 || req.days() > Deadlines.MAX_EXTENSION_DAYS) {
            throw new IllegalArgumentException("days: an extension is 1 to " + Deadlines.MAX_EXTENSION_DAYS + " working days");
        }
        if (blank(req.approver()) || blank(req.reason())) {
            throw new IllegalArgumentException("approver and reason are required for an extension");
        }
        move(c, "extend", EnumSet.of(ACCEPTED), EXTENDED, "");
        c.extensionDays = req.days();
        return req.reason().strip();
    }

    private String startConsultation(DisclosureCase c, ActionRequest req, LocalDate today) {
        CaseStatus before = c.status;
        move(c, "start-consultation", EnumSet.of(ACCEPTED, EXTENDED), CONSULTING, "");
        c.pausedStatus = before;
        c.consultationStartedOn = req.date() == null ? today : req.date();
        return text(req.text());
    }

    private String endConsultation(DisclosureCase c, ActionRequest req, LocalDate today) {
        LocalDate end = req.date() == null ? today : req.date();
        if (c.status == CONSULTING && end.isBefore(c.consultationStartedOn)) {
            throw new IllegalArgumentException("date: the consultation cannot end before it started");
        }
        CaseStatus back = c.pausedStatus == null ? ACCEPTED : c.pausedStatus;
        move(c, "end-consultation", EnumSet.of(CONSULTING), back, "");
        c.pausedDays += deadlines.workingDaysBetween(c.consultationStartedOn, end);
        c.pausedStatus = null;
        c.consultationStartedOn = null;
        return "";
    }

    private String reply(DisclosureCase c, ActionRequest req) {
        if (req.kind() == null || blank(req.text())) {
            throw new IllegalArgumentException("kind (one of " + List.of(ReplyKind.values()) + ") and text are required");
        }
        move(c, "reply", EnumSet.of(RECEIVED, ACCEPTED, EXTENDED), REPLIED, "");
        c.replyKind = req.kind();
        c.replyText = req.text().strip();
        return c.replyText;
    }

    private static String move(DisclosureCase c, String action, Set<CaseStatus> from, CaseStatus to, String note) {
        if (!from.contains(c.status)) {
            throw new IllegalTransitionException("cannot " + action + " " + c.trackingNo + ": it is " + c.status
                    + " (allowed from " + from + ")");
        }
        c.status = to;
        return note;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
