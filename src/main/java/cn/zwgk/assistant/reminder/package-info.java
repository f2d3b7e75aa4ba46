/**
 * Deadline reminders as clustered Quartz jobs, acknowledgement and escalation.
 */
@ApplicationModule(displayName = "Reminders",
        allowedDependencies = { "platform", "calendar", "conversation", "disclosure", "knowledge", "notification", "opinion", "staff" })
package cn.zwgk.assistant.reminder;

import org.springframework.modulith.ApplicationModule;
