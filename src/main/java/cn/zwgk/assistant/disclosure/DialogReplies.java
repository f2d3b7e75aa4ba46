package cn.zwgk.assistant.disclosure;

import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Masking;
import cn.zwgk.assistant.platform.Texts;

/** The dialog's wording, all from the {@code disclosure} section of {@code texts.yml}. */
@Component
class DialogReplies {

    private final Texts texts;

    DialogReplies(Texts texts) {
        this.texts = texts;
    }

    String get(String key, Object... args) {
        return texts.get("disclosure." + key, args);
    }

    /** The question for the draft's pending field, or the summary once everything is there. */
    String next(Draft d) {
        return d.pending == null ? summary(d) : get("ask." + askKey(d, d.pending));
    }

    String invalid(String errorKey) {
        return get("invalid." + errorKey);
    }

    /** "已记录：姓名 张*、手机号码 138****8000。" for the values taken from one message (personal data masked). */
    String noted(Draft d, Map<DraftField, String> values) {
        StringJoiner parts = new StringJoiner("、");
        values.forEach((field, value) -> {
            if (field != DraftField.DESCRIPTION && field != DraftField.PURPOSE) {
                parts.add(label(d, field) + " " + display(d, field, value));
            } else {
                parts.add(label(d, field));
            }
        });
        return get("noted", parts.toString());
    }

    String summary(Draft d) {
        StringBuilder lines = new StringBuilder();
        for (DraftField field : DraftField.values()) {
            String value = d.get(field);
            boolean relevant = DraftField.required(d.type(), d.delivery()).contains(field) || field == DraftField.PURPOSE;
            if (value != null && relevant) {
                lines.append(label(d, field)).append("：").append(display(d, field, value)).append('\n');
            }
        }
        return get("summary", lines.toString().strip());
    }

    static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private String label(Draft d, DraftField field) {
        return get("label." + askKey(d, field));
    }

    /**
     * A value as the bot repeats it. Personal data is masked (the citizen sees enough to recognise
     * it; the answer is cached in Redis and kept in the conversation log): ID, phone, e-mail,
     * address and a person's name. An organisation's name and credit code are not personal.
     */
    private String display(Draft d, DraftField field, String value) {
        return switch (field) {
            case ID -> Masking.idNumber(value);
            case PHONE -> Masking.phone(value);
            case EMAIL -> inert(Masking.email(value));
            case ADDRESS -> inert(Masking.address(value));
            case LEGAL_REP, CONTACT -> inert(Masking.name(value));
            case NAME -> inert(d.type() == ApplicantType.ORGANIZATION ? value : Masking.name(value));
            case TYPE, FORM, DELIVERY -> get("value." + value);
            default -> inert(value);
        };
    }

    /**
     * The citizen's own words as the bot repeats them: WeChat renders {@code <a href>} in text
     * messages, so angle brackets become full-width ones and a typed tag never turns into a link
     * in the bot's voice (what is stored stays exactly as typed).
     */
    static String inert(String value) {
        return value.replace('<', '\uFF1C').replace('>', '\uFF1E');
    }

    private static String askKey(Draft d, DraftField field) {
        return field == DraftField.NAME && d.type() == ApplicantType.ORGANIZATION ? "org-name" : field.key;
    }
}
