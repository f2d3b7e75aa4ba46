package cn.zwgk.assistant.opinion;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.CitizenAsked;
import cn.zwgk.assistant.knowledge.TextSimilarity;
import cn.zwgk.assistant.platform.Masking;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Watches what citizens write for bursts: each message joins a topic (see {@link TopicWindow}); a
 * topic with enough distinct users in the window — fewer when it carries an alarm word — raises one
 * alert to the communications officers. It also remembers who asked about an open incident, so a
 * 口径 published later reaches them. The work runs off the reply path on one thread per instance; when
 * it falls far behind, the oldest messages are dropped and counted rather than slowing replies.
 */
@Component
class EarlyWarning implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EarlyWarning.class);

    private final TopicWindow window;
    private final TextSimilarity similarity;
    private final ResponseCatalog catalog;
    private final Askers askers;
    private final AlertService alerts;
    private final OpinionProperties properties;
    private final Counter droppedFull;
    private final Counter droppedFailed;
    private final ThreadPoolExecutor executor;

    EarlyWarning(TopicWindow window, TextSimilarity similarity, ResponseCatalog catalog, Askers askers,
                 AlertService alerts, OpinionProperties properties, MeterRegistry metrics) {
        this.window = window;
        this.similarity = similarity;
        this.catalog = catalog;
        this.askers = askers;
        this.alerts = alerts;
        this.properties = properties;
        this.droppedFull = dropped(metrics, "queue-full");
        this.droppedFailed = dropped(metrics, "failed");
        // one thread; when 2000 messages wait, the oldest is dropped (and counted) for the newest
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2000), r -> {
            Thread t = new Thread(r, "opinion-early-warning");
            t.setDaemon(true);
            return t;
        }, (task, pool) -> {
            if (pool.getQueue().poll() != null) {
                droppedFull.increment();
            }
            pool.getQueue().offer(task);
        });
    }

    private static Counter dropped(MeterRegistry metrics, String reason) {
        return Counter.builder("opinion.early-warning.dropped").tag("reason", reason)
                .description("citizen messages the early warning did not look at").register(metrics);
    }

    /*
     * Synchronous and not recorded in the publication registry: CitizenAsked comes with every citizen
     * question, a registry row each would put a database write on the WeChat path, and the sample is handed
     * to this module's executor at once; a few samples lost in a crash do not change a topic's count.
     */
    @EventListener
    void on(CitizenAsked asked) {
        executor.execute(() -> {
            try {
                observe(asked.appId(), asked.openid(), asked.text(), asked.at());
            } catch (RuntimeException e) {
                droppedFailed.increment();
                log.warn("Early warning could not look at a message: {}", e.toString());
            }
        });
    }

    /** Adds one message to its topic; returns the alert it raised, if any. */
    Long observe(String appId, String openid, String text, Instant at) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = Masking.scrub(text.strip());
        if (clean.length() > 300) {
            clean = clean.substring(0, 300);
        }
        catalog.match(clean, properties.answerSimilarity()).ifPresent(t -> askers.asked(t.incidentId(), appId, openid, at));
        Set<String> alarm = alarmWords(clean);
        TopicWindow.Observation o = window.add(appId + "|" + openid, clean, similarity.vector(clean), alarm, at);
        boolean burst = o.users() >= properties.burstUsers()
                || (!o.alarmWords().isEmpty() && o.users() >= properties.alarmUsers());
        if (burst && window.markAlerted(o.topicId())) {
            return alerts.raise(o);
        }
        return null;
    }

    private Set<String> alarmWords(String text) {
        String normalised = TextSimilarity.normalise(text);
        Set<String> found = new LinkedHashSet<>();
        for (String word : properties.alarmWords()) {
            if (normalised.contains(word)) {
                found.add(word);
            }
        }
        return found;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
