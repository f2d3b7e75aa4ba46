/**
 * The staff console: layout, navigation, sign-in and the dashboard.
 */
@ApplicationModule(displayName = "Console",
        allowedDependencies = { "platform", "access", "calendar", "conversation", "disclosure", "faq", "feedback",
                "handoff", "knowledge", "opinion", "reminder", "staff", "wechat" })
package cn.zwgk.assistant.console;

import org.springframework.modulith.ApplicationModule;
