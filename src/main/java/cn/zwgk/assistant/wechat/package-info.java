/**
 * The webhook: verify, dedupe, route, reply within the budget; WxJava clients and customer-service
 * sends.
 */
@ApplicationModule(displayName = "WeChat channel",
        allowedDependencies = { "platform", "conversation", "notification" })
package cn.zwgk.assistant.wechat;

import org.springframework.modulith.ApplicationModule;
