package cn.zwgk.assistant.knowledge;

import java.time.Duration;
import java.util.function.Supplier;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * The OpenAI-compatible chat model of the knowledge base (answers and question rewrites), built once, on
 * first use, from the {@code knowledge.llm-*} settings; no retries, the caller's time budget as timeout.
 */
final class ChatModels implements Supplier<ChatModel> {

    private final Supplier<ChatModel> factory;
    private volatile ChatModel model;

    private ChatModels(Supplier<ChatModel> factory) {
        this.factory = factory;
    }

    static ChatModels lazy(KnowledgeProperties properties, Duration timeout, double temperature, Integer maxTokens) {
        return new ChatModels(() -> OpenAiChatModel.builder()
                .baseUrl(properties.llmBaseUrl())
                .apiKey(properties.llmApiKey() == null || properties.llmApiKey().isBlank() ? "none" : properties.llmApiKey())
                .modelName(properties.llmModel())
                .timeout(timeout)
                .maxRetries(0)
                .temperature(temperature)
                .maxTokens(maxTokens)
                .build());
    }

    @Override
    public ChatModel get() {
        ChatModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = factory.get();
                }
                m = model;
            }
        }
        return m;
    }
}
