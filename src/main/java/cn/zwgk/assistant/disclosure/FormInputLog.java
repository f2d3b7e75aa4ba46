package cn.zwgk.assistant.disclosure;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.zwgk.assistant.platform.Masking;

/**
 * A message answering the application form as the conversation log keeps it. The dialog knows
 * what it took from the message, so each personal value is masked where it stands; a message it
 * could not take apart (nothing recognised, the personal field asked for not found, a personal
 * value refused as malformed, or a value not written as it was taken) is personal data typed at
 * the wrong step or in the wrong form, and only its length is kept. The log then scrubs the
 * result as it does every text ({@link Masking#scrub}).
 */
final class FormInputLog {

    static final Set<DraftField> PERSONAL = EnumSet.of(DraftField.NAME, DraftField.LEGAL_REP, DraftField.CONTACT,
            DraftField.ID, DraftField.PHONE, DraftField.ADDRESS, DraftField.EMAIL);

    private FormInputLog() {
    }

    /**
     * @param asked   the field the message answered (the pending one when it arrived), or null
     * @param taken   the values taken from it
     * @param refused the fields it gave in a form that was refused
     * @return the text to log, or null to hide the text (the caller logs a placeholder)
     */
    static String masked(String text, DraftField asked, Map<DraftField, String> taken, Set<DraftField> refused) {
        if (taken.isEmpty() || asked != null && PERSONAL.contains(asked) && !taken.containsKey(asked)
                || refused.stream().anyMatch(PERSONAL::contains)) {
            return null;
        }
        String out = text;
        for (Map.Entry<DraftField, String> e : taken.entrySet()) {
            if (!PERSONAL.contains(e.getKey())) {
                continue;
            }
            String mask = mask(e.getKey(), e.getValue());
            if (out.contains(e.getValue())) {
                out = out.replace(e.getValue(), mask);
            } else if (e.getKey() != DraftField.PHONE && e.getKey() != DraftField.ID) {
                // phone and ID numbers are taken normalised; the scrub recognises their written forms
                return null;
            }
        }
        return out;
    }

    private static String mask(DraftField field, String value) {
        return switch (field) {
            case ID -> Masking.idNumber(value);
            case PHONE -> Masking.phone(value);
            case EMAIL -> Masking.email(value);
            case ADDRESS -> Masking.address(value);
            default -> Masking.name(value);
        };
    }
}
