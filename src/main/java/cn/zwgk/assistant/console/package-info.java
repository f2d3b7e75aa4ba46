/**
 * The console shell: layout, navigation, sign-in and the dashboard. Each feature owns its screens (its
 * {@code web} package and {@code templates/<feature>/}); the access rules are in {@code access}.
 */
@ApplicationModule(displayName = "Console",
        allowedDependencies = { "platform", "disclosure", "feedback", "opinion", "reminder" })
package cn.zwgk.assistant.console;

import org.springframework.modulith.ApplicationModule;
