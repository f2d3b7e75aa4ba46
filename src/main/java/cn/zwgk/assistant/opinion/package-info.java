/**
 * 舆情: incidents and their response clocks, approved responses (口径), early warning.
 */
@ApplicationModule(displayName = "Public opinion",
        allowedDependencies = { "platform", "conversation", "knowledge", "notification", "staff" })
package cn.zwgk.assistant.opinion;

import org.springframework.modulith.ApplicationModule;
