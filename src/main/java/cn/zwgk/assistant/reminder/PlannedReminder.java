package cn.zwgk.assistant.reminder;

import java.time.Instant;
import java.util.List;

/** A reminder another module wants scheduled (see {@link ReminderService#replaceForSubject}). */
record PlannedReminder(ReminderKind kind, String title, String text, List<String> recipients, Instant fireAt,
                              boolean critical) {
}
