package cn.zwgk.assistant.staff;

import java.util.Locale;

/** One set of role names for the console, the API and the staff directory. */
public enum Role {
    /** Administers the system. */
    ADMIN,
    /** Handles disclosure cases. */
    HANDLER,
    /** Supervises handlers; receives escalations. */
    SUPERVISOR,
    /** Communications officer: public-opinion incidents and quick responses. */
    COMMS;

    /** Accepts the canonical names in any case, and a few spelled-out synonyms. */
    public static Role parse(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        return switch (v) {
            case "COMMUNICATIONS_OFFICER", "COMMUNICATIONS", "OFFICER" -> COMMS;
            case "ADMINISTRATOR" -> ADMIN;
            default -> valueOf(v);
        };
    }
}
