/**
 * Shared infrastructure: Redis, user-facing texts, security, personal-data encryption and masking, the
 * audit log, the clock and the retry of event publications.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
package cn.zwgk.assistant.platform;

import org.springframework.modulith.ApplicationModule;
