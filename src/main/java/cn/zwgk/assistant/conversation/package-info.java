/**
 * Intent routing, per-user state in Redis, paging of long answers; feature modules plug in handlers.
 */
@ApplicationModule(displayName = "Conversation", allowedDependencies = { "platform" })
package cn.zwgk.assistant.conversation;

import org.springframework.modulith.ApplicationModule;
