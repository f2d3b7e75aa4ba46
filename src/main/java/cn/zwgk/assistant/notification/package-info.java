/**
 * The outbox: every outbound message is stored, then sent with retries by any instance.
 */
@ApplicationModule(displayName = "Outbox", allowedDependencies = {})
package cn.zwgk.assistant.notification;

import org.springframework.modulith.ApplicationModule;
