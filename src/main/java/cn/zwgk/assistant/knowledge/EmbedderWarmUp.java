package cn.zwgk.assistant.knowledge;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the embedding model off the request path once the server is up, so the first question is
 * not slow. Not in the kb command line: it loads the model when it needs it, and a command that ends
 * while a warm-up thread is inside the native runtime crashes the JVM on exit (SIGBUS).
 */
@Component
@ConditionalOnBooleanProperty(name = "knowledge.cli", havingValue = false, matchIfMissing = true)
class EmbedderWarmUp {

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread thread = new Thread(Embedder::model, "kb-embedder-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
