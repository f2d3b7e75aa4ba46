/**
 * Console accounts, sign-in, roles and the access rules of every screen and API.
 */
@ApplicationModule(displayName = "Console access", allowedDependencies = { "platform", "staff" })
package cn.zwgk.assistant.access;

import org.springframework.modulith.ApplicationModule;
