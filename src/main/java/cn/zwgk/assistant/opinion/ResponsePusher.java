package cn.zwgk.assistant.opinion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.platform.Texts;

/**
 * Sends a newly published 口径 to the citizens who asked about the incident in the push window, as
 * customer-service messages through the outbox: one delivery key per response and citizen, and the
 * WeChat channel keeps each user within the 5-messages-in-48-hours window (a citizen outside it is
 * skipped, not sent a template message: 口径 are not service notices).
 */
@Component
class ResponsePusher {

    private static final Logger log = LoggerFactory.getLogger(ResponsePusher.class);

    private final Askers askers;
    private final OutboxService outbox;
    private final IncidentRepository repository;
    private final Texts texts;
    private final Clock clock;

    ResponsePusher(Askers askers, OutboxService outbox, IncidentRepository repository, Texts texts, Clock clock) {
        this.askers = askers;
        this.outbox = outbox;
        this.repository = repository;
        this.texts = texts;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(QuickResponsePublished published) {
        Instant now = clock.instant();
        List<Map.Entry<String, String>> recipients = askers.recent(published.incidentId(), now);
        int queued = 0;
        for (Map.Entry<String, String> r : recipients) {
            String key = "opinion:" + published.responseId() + ":" + r.getValue();
            if (outbox.enqueue(OutboundMessage.customerService(key, r.getKey(), r.getValue(),
                    texts.get("opinion.push", published.text())))) {
                repository.logUse(published.responseId(), r.getValue(), "PUSH", now);
                queued++;
            }
        }
        log.info("Quick response #{} (incident {}) queued for {} citizens who asked", published.responseId(),
                published.incidentId(), queued);
    }
}
