package cn.zwgk.assistant.knowledge;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zwgk.assistant.platform.Masking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

/**
 * With a language model configured, rewrites a colloquial question into the wording of the documents
 * ({@code prompts/kb-rewrite-system.txt}) for retrieval. Personal data is masked before the question
 * is sent. The call starts before the question is embedded and is waited for at most
 * {@code knowledge.rewrite-timeout} from its start; a slow or failing model, or a reply that is not a
 * plausible rewrite, yields nothing and retrieval uses the question alone.
 */
@Component
class QueryRewriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QueryRewriter.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(身份证号|手机号|电话|邮箱)]");
    private static final Pattern LABEL = Pattern.compile("^[\\p{IsHan}]{1,6}[:：]\\s*");
    private static final Pattern NOT_A_QUESTION = Pattern.compile("(?i)https?:|www\\.|[<>\\[\\]{}`|#*]|LLM_");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int MAX_CHARS = 80;

    private final KnowledgeProperties properties;
    private final PromptTemplates prompts;
    private final RecentCache<String, String> recent = new RecentCache<>(512);
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kb-rewrite");
        t.setDaemon(true);
        return t;
    });
    private final ChatModels model;

    QueryRewriter(KnowledgeProperties properties, PromptTemplates prompts) {
        this.properties = properties;
        this.model = ChatModels.lazy(properties, properties.rewriteTimeout(), 0.0, 120);
        this.prompts = prompts;
    }

    boolean enabled() {
        return properties.generative() && properties.rewriteTimeout() != null && properties.rewriteTimeout().toMillis() > 0;
    }

    /** A rewrite under way; {@link #result()} waits for what is left of the budget. */
    final class Pending {
        private final CompletableFuture<Optional<String>> call;
        private final long deadline;

        private Pending(CompletableFuture<Optional<String>> call) {
            this.call = call;
            this.deadline = System.nanoTime() + (enabled() ? properties.rewriteTimeout().toNanos() : 0);
        }

        Optional<String> result() {
            try {
                return call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (Exception e) {
                call.cancel(true);
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                log.info("question rewrite unavailable ({}); searching with the question as asked",
                        cause.getClass().getSimpleName());
                return Optional.empty();
            }
        }
    }

    /** Starts rewriting the question (masked) unless rewriting is off. */
    Pending start(String question) {
        if (!enabled() || question == null || question.isBlank()) {
            return new Pending(CompletableFuture.completedFuture(Optional.empty()));
        }
        String masked = Masking.scrub(question).strip();
        String cached = recent.get(masked);
        if (cached != null) {
            return new Pending(CompletableFuture.completedFuture(Optional.of(cached).filter(s -> !s.isEmpty())));
        }
        String system = prompts.get("kb-rewrite-system.txt");
        return new Pending(CompletableFuture.supplyAsync(() -> {
            String reply = model.get().chat(SystemMessage.from(system), UserMessage.from(masked)).aiMessage().text();
            Optional<String> rewrite = accept(reply, masked, system);
            recent.put(masked, rewrite.orElse(""));
            if (rewrite.isEmpty()) {
                log.info("question rewrite rejected; searching with the question as asked");
            }
            return rewrite;
        }, executor));
    }

    /**
     * The reply as a search question, or nothing when it is not one: empty, too long, with a link,
     * markup or citation marks, a number the question lacks, a piece of the instructions, or the
     * question itself.
     */
    static Optional<String> accept(String reply, String question, String system) {
        if (reply == null) {
            return Optional.empty();
        }
        String line = reply.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = PLACEHOLDER.matcher(line).replaceAll("");
        line = LABEL.matcher(line).replaceFirst("");
        line = ScriptConverter.forMatching(line.replaceAll("^[\"'“”「」『』]+|[\"'“”「」『』]+$", "")).strip();
        String asked = ScriptConverter.forMatching(question).strip();
        if (line.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count() < 2
                || line.length() > Math.max(MAX_CHARS, 2 * asked.length()) || NOT_A_QUESTION.matcher(line).find()
                || echoes(line, system) || line.equals(asked)) {
            return Optional.empty();
        }
        Matcher digits = DIGITS.matcher(line);
        while (digits.find()) {
            if (!asked.contains(digits.group())) {
                return Optional.empty();
            }
        }
        return Optional.of(line);
    }

    private static boolean echoes(String line, String system) {
        String a = ScriptConverter.compact(line);
        String s = ScriptConverter.compact(system);
        for (int i = 0; i + 12 <= s.length(); i += 3) {
            if (a.contains(s.substring(i, i + 12))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
