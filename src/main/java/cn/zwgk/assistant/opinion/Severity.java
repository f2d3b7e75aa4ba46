package cn.zwgk.assistant.opinion;

import java.util.Locale;

/** How grave a public-opinion incident is; it sets the response clocks. */
public enum Severity {
    /** 特别重大 */
    ESPECIALLY_MAJOR,
    /** 重大 */
    MAJOR,
    /** 一般 */
    GENERAL;

    /** The API names in any case, or the Chinese words officers type ("特别重大", "重大", "较大", "一般"). */
    public static Severity parse(String value) {
        String v = value == null ? "" : value.strip();
        return switch (v) {
            case "特别重大" -> ESPECIALLY_MAJOR;
            case "重大", "较大" -> MAJOR;
            case "一般" -> GENERAL;
            default -> {
                try {
                    yield valueOf(v.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("severity must be ESPECIALLY_MAJOR, MAJOR or GENERAL (特别重大/重大/一般)");
                }
            }
        };
    }

    /** Major incidents need authoritative information within hours and a press conference. */
    public boolean major() {
        return this != GENERAL;
    }
}
