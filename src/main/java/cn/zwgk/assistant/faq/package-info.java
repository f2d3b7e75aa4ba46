/**
 * 待完善问题 and 标准问答: unanswered questions grouped for staff, answers written once for everyone.
 */
@ApplicationModule(displayName = "Knowledge gaps and standard answers",
        allowedDependencies = { "platform", "conversation", "feedback", "knowledge", "notification", "wechat" })
package cn.zwgk.assistant.faq;

import org.springframework.modulith.ApplicationModule;
