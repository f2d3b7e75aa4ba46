/**
 * 依申请公开: the application dialog, cases and their legal deadlines, the staff API, applicant notices.
 */
@ApplicationModule(displayName = "Disclosure on request",
        allowedDependencies = { "platform", "calendar", "conversation", "notification" })
package cn.zwgk.assistant.disclosure;

import org.springframework.modulith.ApplicationModule;
