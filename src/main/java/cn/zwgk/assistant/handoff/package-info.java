/**
 * 转人工: the queue, the hold during which the bot is silent, staff replies, the idle timeout.
 */
@ApplicationModule(displayName = "Handoff to a person",
        allowedDependencies = { "platform", "calendar", "conversation", "disclosure", "notification", "staff", "wechat" })
package cn.zwgk.assistant.handoff;

import org.springframework.modulith.ApplicationModule;
