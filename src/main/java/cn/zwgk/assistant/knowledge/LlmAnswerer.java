package cn.zwgk.assistant.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

import cn.zwgk.assistant.platform.Masking;

/**
 * Generative answers through any OpenAI-compatible endpoint ({@code LLM_BASE_URL}, {@code LLM_API_KEY},
 * {@code LLM_MODEL}). Personal data is masked before anything is sent; the reply is accepted only
 * when it cites real passages, states no number they lack and echoes nothing of the instructions.
 * A slow or failing model yields nothing, and the caller answers extractively.
 */
@Component
class LlmAnswerer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LlmAnswerer.class);

    private final KnowledgeProperties properties;
    private final PromptTemplates prompts;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kb-llm");
        t.setDaemon(true);
        return t;
    });
    private final ChatModels model;

    LlmAnswerer(KnowledgeProperties properties, PromptTemplates prompts) {
        this.properties = properties;
        this.model = ChatModels.lazy(properties, properties.llmTimeout(), 0.1, null);
        this.prompts = prompts;
    }

    boolean enabled() {
        return properties.generative();
    }

    Optional<String> answer(String question, List<SearchHit> cited) {
        return answer(question, cited, System.nanoTime());
    }

    /**
     * The model's answer, waited for until {@code knowledge.llm-timeout} after {@code startedNanos}
     * (when the question arrived): one deadline for the whole question, so the time the rewrite and
     * retrieval took is not granted again. Past it, the model is not asked.
     */
    Optional<String> answer(String question, List<SearchHit> cited, long startedNanos) {
        long waitMillis = properties.llmTimeout().toMillis() - (System.nanoTime() - startedNanos) / 1_000_000;
        if (!enabled() || cited.isEmpty() || waitMillis <= 0) {
            return Optional.empty();
        }
        String system = prompts.get("kb-answer-system.txt");
        String user = prompts.get("kb-answer-user.txt")
                .replace("{{question}}", Masking.scrub(question))
                .replace("{{passages}}", passages(cited));
        CompletableFuture<String> call = CompletableFuture.supplyAsync(
                () -> model.get().chat(SystemMessage.from(system), UserMessage.from(user)).aiMessage().text(), executor);
        try {
            String text = call.get(waitMillis, TimeUnit.MILLISECONDS);
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            String answer = text.strip();
            if (!FaithfulnessCheck.faithful(answer, cited) || leaks(answer, system)) {
                log.info("generated answer rejected (unfaithful or leaking); answering extractively");
                return Optional.empty();
            }
            return Optional.of(answer);
        } catch (Exception e) {
            call.cancel(true);
            log.info("language model unavailable ({}); answering extractively", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    static String passages(List<SearchHit> cited) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cited.size(); i++) {
            SearchHit h = cited.get(i);
            sb.append('[').append(i + 1).append("] 《").append(h.title()).append("》 ")
                    .append(h.section() == null ? "" : h.section()).append('\n')
                    .append(Masking.scrub(h.text())).append("\n\n");
        }
        return sb.toString().strip();
    }

    /** True when the reply repeats a piece of the instructions or names the configuration. */
    boolean leaks(String answer, String system) {
        String a = ScriptConverter.compact(answer);
        String s = ScriptConverter.compact(system);
        for (int i = 0; i + 16 <= s.length(); i += 4) {
            if (a.contains(s.substring(i, i + 16))) {
                return true;
            }
        }
        String key = properties.llmApiKey();
        return a.contains("LLM_") || key != null && key.length() >= 6 && answer.contains(key)
                || properties.llmBaseUrl() != null && answer.contains(properties.llmBaseUrl());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
