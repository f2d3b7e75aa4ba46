package cn.zwgk.assistant.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the knowledge base when the server has started, off the startup thread: imports the sample
 * documents when they are due, then brings this instance's index in step with the database. Until
 * then the {@code knowledge} health component is OUT_OF_SERVICE ({@code /actuator/health} and
 * {@code /actuator/health/readiness} answer 503) and {@link KnowledgeService#ask} says that the
 * knowledge base is still loading. A failure is logged and does not hold the instance back: the
 * index synchroniser retries on its next poll.
 */
@Component("knowledgeHealthIndicator")
class KnowledgeLoader implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeLoader.class);

    private final KnowledgeProperties properties;
    private final SampleDocuments samples;
    private final IndexSynchronizer synchronizer;
    private volatile boolean loaded;

    KnowledgeLoader(KnowledgeProperties properties, SampleDocuments samples, IndexSynchronizer synchronizer) {
        this.properties = properties;
        this.samples = samples;
        this.synchronizer = synchronizer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (properties.cli()) {
            return;
        }
        Thread thread = new Thread(this::load, "kb-load");
        thread.setDaemon(true);
        thread.start();
    }

    void load() {
        long started = System.nanoTime();
        try {
            if (properties.importSamples()) {
                samples.importIfEmpty();
            }
            synchronizer.ensureSynced();
        } catch (RuntimeException e) {
            log.warn("loading the knowledge base failed: {}", e.toString());
        } finally {
            loaded = true;
            log.info("knowledge base loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** True once the first load has finished (whether or not it succeeded). */
    boolean loaded() {
        return loaded;
    }

    @Override
    public Health health() {
        return loaded ? Health.up().build() : Health.outOfService().build();
    }
}
