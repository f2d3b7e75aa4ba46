/**
 * Policy documents: parsing, retrieval, extractive and generative answers with their source.
 */
@ApplicationModule(displayName = "Knowledge base",
        allowedDependencies = { "platform", "conversation", "feedback", "handoff" })
package cn.zwgk.assistant.knowledge;

import org.springframework.modulith.ApplicationModule;
