/**
 * The chat simulator for local runs and tests: a stand-in for the WeChat API that WxJava talks to
 * ({@link cn.zwgk.assistant.simulator.WechatApiStandIn}), an emulator of the WeChat server that
 * pushes signed (and optionally encrypted) messages to the app's own webhook
 * ({@link cn.zwgk.assistant.simulator.WechatServerEmulator}), and the {@code /simulator} page.
 * Every bean here exists only when {@code simulator.enabled=true}; production turns it off.
 */
@ApplicationModule(displayName = "Chat simulator", allowedDependencies = { "platform", "wechat" })
package cn.zwgk.assistant.simulator;

import org.springframework.modulith.ApplicationModule;
