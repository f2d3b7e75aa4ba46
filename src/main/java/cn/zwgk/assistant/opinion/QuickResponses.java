package cn.zwgk.assistant.opinion;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.AuditLog;

/**
 * The life of an incident's quick responses (口径): issued, approved by a second person when that is
 * required, superseded by the next one, withdrawn. {@link IncidentService} runs these in its transactions.
 */
@Component
final class QuickResponses {

    private final IncidentRepository repository;
    private final OpinionProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final ResponseCatalog catalog;
    private final Clock clock;

    QuickResponses(IncidentRepository repository, OpinionProperties properties, ApplicationEventPublisher events,
                   AuditLog audit, ResponseCatalog catalog, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Issues a quick response. Without second approval it is published at once and supersedes the
     * incident's current one; with it, it waits for a leader's {@link #approve}.
     */
    /** Whether a quick response waits for another person's approval before it is used. */
    boolean secondApproval() {
        return properties.secondApproval();
    }

    /** An incident's keywords or responses changed: the catalog the bot answers from is rebuilt. */
    void catalogChanged() {
        catalog.changed();
    }

    QuickResponse issue(long incidentId, String text, String by) {
        if (text == null || text.isBlank() || text.strip().length() > 2000) {
            throw new IllegalArgumentException("text is required (at most 2000 characters)");
        }
        Incident incident = incident(incidentId);
        if (incident.status() != Incident.Status.OPEN) {
            throw new IllegalArgumentException("incident " + incidentId + " is closed");
        }
        QuickResponse.Status status = properties.secondApproval() ? QuickResponse.Status.PENDING_APPROVAL
                : QuickResponse.Status.PUBLISHED;
        if (status == QuickResponse.Status.PUBLISHED) {
            supersede(incident);
        }
        long id = repository.insertResponse(incidentId, repository.nextVersion(incidentId), text.strip(), status, by,
                clock.instant());
        audit.record(by, "quick-response.issue", "incident:" + incidentId, null, status + " #" + id);
        if (status == QuickResponse.Status.PUBLISHED) {
            published(incidentId, id, text.strip());
        }
        return repository.response(id).orElseThrow();
    }

    /** A leader approves a pending quick response: it is published and supersedes the current one. */
    QuickResponse approve(long incidentId, long responseId, String by) {
        QuickResponse pending = response(incidentId, responseId);
        if (pending.issuedBy().equals(by)) {
            throw new IllegalArgumentException("a quick response needs another person's approval");
        }
        supersede(incident(incidentId));
        if (!repository.transition(responseId, QuickResponse.Status.PENDING_APPROVAL, QuickResponse.Status.PUBLISHED,
                by, clock.instant())) {
            throw new IllegalArgumentException("quick response " + responseId + " is not waiting for approval");
        }
        audit.record(by, "quick-response.approve", "incident:" + incidentId, null, "#" + responseId);
        published(incidentId, responseId, pending.text());
        return repository.response(responseId).orElseThrow();
    }

    /** Withdraws the published quick response: it stops being used at once. */
    QuickResponse withdraw(long incidentId, long responseId, String by) {
        response(incidentId, responseId);
        if (!repository.transition(responseId, QuickResponse.Status.PUBLISHED, QuickResponse.Status.WITHDRAWN, null,
                clock.instant())) {
            throw new IllegalArgumentException("quick response " + responseId + " is not published");
        }
        audit.record(by, "quick-response.withdraw", "incident:" + incidentId, null, "#" + responseId);
        catalog.changed();
        return repository.response(responseId).orElseThrow();
    }

    /** The response currently in use for the incident. */
    Optional<QuickResponse> current(long incidentId) {
        return repository.responses(incidentId).stream()
                .filter(r -> r.status() == QuickResponse.Status.PUBLISHED).findFirst();
    }

    private QuickResponse response(long incidentId, long responseId) {
        return repository.response(responseId).filter(r -> r.incidentId() == incidentId)
                .orElseThrow(() -> new IllegalArgumentException("incident " + incidentId + " has no quick response " + responseId));
    }

    private void supersede(Incident incident) {
        for (QuickResponse r : incident.responses()) {
            if (r.status() == QuickResponse.Status.PUBLISHED) {
                repository.transition(r.id(), QuickResponse.Status.PUBLISHED, QuickResponse.Status.SUPERSEDED, null,
                        clock.instant());
            }
        }
    }

    private void published(long incidentId, long responseId, String text) {
        catalog.changed();
        events.publishEvent(new QuickResponsePublished(incidentId, responseId, text));
    }

    private Incident incident(long id) {
        return repository.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
    }
}
