/**
 * 好差评: the rating of policy answers and its figures.
 */
@ApplicationModule(displayName = "Ratings", allowedDependencies = { "platform", "conversation", "handoff" })
package cn.zwgk.assistant.feedback;

import org.springframework.modulith.ApplicationModule;
