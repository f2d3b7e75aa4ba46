/**
 * The staff directory and roles, WeChat binding, staff commands, notices to staff.
 */
@ApplicationModule(displayName = "Staff",
        allowedDependencies = { "platform", "conversation", "notification" })
package cn.zwgk.assistant.staff;

import org.springframework.modulith.ApplicationModule;
