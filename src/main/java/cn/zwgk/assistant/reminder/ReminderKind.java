package cn.zwgk.assistant.reminder;

/** What a reminder is about. */
public enum ReminderKind {
    /** The reply deadline of a disclosure application (Art. 33). */
    DISCLOSURE_DUE,
    /** Daily escalation to the supervisor once a disclosure reply is overdue. */
    DISCLOSURE_OVERDUE,
    /** The 补正 notice must be sent within 7 working days of receipt (Art. 30). */
    CORRECTION_NOTICE_DUE,
    /** An extended deadline is running out. */
    EXTENSION_EXPIRY,
    /** A policy's interpretation must be published within 3 working days. */
    INTERPRETATION_DUE,
    /** Information must be proactively disclosed within 20 working days of its creation (Art. 26). */
    PROACTIVE_DISCLOSURE_DUE,
    /** A public-opinion response clock. */
    INCIDENT_CLOCK,
    /** A critical reminder nobody acknowledged in time. */
    ESCALATION,
    /** Set by staff: text, recipients, time. */
    CUSTOM
}
