package cn.zwgk.assistant.disclosure.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zwgk.assistant.disclosure.ActionRequest;
import cn.zwgk.assistant.disclosure.ReplyKind;

/**
 * The workflow actions as the case page offers them: which status allows which action (so that only
 * possible actions get a form; the workflow still decides), and reading a submitted form into an
 * {@link ActionRequest} with the field checks the workflow makes, so the officer gets them in Chinese.
 */
final class CaseActions {

    /** Action → the statuses it can start from (as {@code CaseWorkflow} allows). */
    static final Map<String, Set<String>> FROM = Map.of(
            "accept", Set.of("RECEIVED"),
            "request-correction", Set.of("RECEIVED", "ACCEPTED"),
            "correction-received", Set.of("CORRECTION_REQUESTED"),
            "extend", Set.of("ACCEPTED"),
            "start-consultation", Set.of("ACCEPTED", "EXTENDED"),
            "end-consultation", Set.of("CONSULTING"),
            "reply", Set.of("RECEIVED", "ACCEPTED", "EXTENDED"),
            "close", Set.of("REPLIED", "CORRECTION_REQUESTED"),
            "withdraw", Set.of("RECEIVED", "ACCEPTED", "CORRECTION_REQUESTED", "EXTENDED", "CONSULTING"));

    /** The order the page lists them in. */
    static final List<String> ORDER = List.of("accept", "request-correction", "correction-received", "extend",
            "start-consultation", "end-consultation", "reply", "close", "withdraw");

    static final int MAX_EXTENSION_DAYS = 20;

    /** A form that does not make a valid request: the key of the text under {@code console.cases.invalid}. */
    static final class InvalidForm extends RuntimeException {
        final String key;

        InvalidForm(String key) {
            super(key);
            this.key = key;
        }
    }

    private CaseActions() {
    }

    static List<String> available(String status) {
        return ORDER.stream().filter(a -> FROM.get(a).contains(status)).toList();
    }

    static boolean known(String action) {
        return FROM.containsKey(action);
    }

    static ActionRequest read(String action, Map<String, String> form) {
        LocalDate date = date(form.get("date"));
        return switch (action) {
            case "request-correction" -> {
                List<String> items = Arrays.stream(value(form, "items").split("\\R")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                if (items.isEmpty()) {
                    throw new InvalidForm("items");
                }
                yield new ActionRequest(items, null, null, null, null, null, null);
            }
            case "extend" -> {
                Integer days = days(form.get("days"));
                if (value(form, "approver").isEmpty() || value(form, "reason").isEmpty()) {
                    throw new InvalidForm("approver-reason");
                }
                yield new ActionRequest(null, days, value(form, "approver"), value(form, "reason"), null, null, null);
            }
            case "reply" -> {
                ReplyKind kind = kind(form.get("kind"));
                if (kind == null || value(form, "text").isEmpty()) {
                    throw new InvalidForm("kind-text");
                }
                yield new ActionRequest(null, null, null, null, kind, value(form, "text"), null);
            }
            case "correction-received", "end-consultation" -> new ActionRequest(null, null, null, null, null, null, date);
            case "start-consultation" -> new ActionRequest(null, null, null, null, null, value(form, "text"), date);
            case "close", "withdraw" -> new ActionRequest(null, null, null, value(form, "reason"), null, null, null);
            default -> ActionRequest.empty();
        };
    }

    private static Integer days(String text) {
        try {
            int days = Integer.parseInt(text == null ? "" : text.strip());
            if (days >= 1 && days <= MAX_EXTENSION_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new InvalidForm("days");
    }

    private static ReplyKind kind(String text) {
        try {
            return text == null || text.isBlank() ? null : ReplyKind.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidForm("date");
        }
    }

    private static String value(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null ? "" : v.strip();
    }
}
