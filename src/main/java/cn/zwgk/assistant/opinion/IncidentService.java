package cn.zwgk.assistant.opinion;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zwgk.assistant.platform.AuditLog;

/**
 * Public-opinion incidents: open one (its clocks start), record milestones, and issue, approve and
 * withdraw its quick responses (口径, whose life {@link QuickResponses} runs). Side effects leave as events: the reminder module runs the
 * clocks, the pusher sends a new 口径 to citizens who asked.
 */
@Service
public class IncidentService {

    private final IncidentRepository repository;
    private final QuickResponses responses;
    private final OpinionProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    IncidentService(IncidentRepository repository, QuickResponses responses, OpinionProperties properties,
                    ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.responses = responses;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens an incident; its clocks start now.
     *
     * @param openedBy    who opened it (console user, or the officer's name)
     * @param responsible the officer's openid when opened on WeChat (gets the clock alerts too), or null
     */
    @Transactional
    public Incident open(String title, Severity severity, List<String> keywords, String openedBy, String responsible,
                         Long alertId) {
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw new IllegalArgumentException("title is required (at most 200 characters)");
        }
        if (severity == null) {
            throw new IllegalArgumentException("severity must be ESPECIALLY_MAJOR, MAJOR or GENERAL");
        }
        List<String> words = cleanKeywords(keywords);
        Instant now = clock.instant();
        long id = repository.insert(title.strip(), severity, words, now, openedBy, alertId);
        List<Milestone> milestones = ResponseClocks.milestones(severity, now, properties);
        List<List<Instant>> alerts = new ArrayList<>();
        for (Milestone m : milestones) {
            repository.insertMilestone(id, m);
            alerts.add(ResponseClocks.alerts(m, now, properties));
        }
        audit.record(openedBy, "incident.open", "incident:" + id, null, severity + " " + title.strip());
        events.publishEvent(new IncidentOpened(id, title.strip(), severity, now, responsible, milestones, alerts));
        responses.catalogChanged();
        return get(id);
    }

    /** Whether a quick response waits for another person's approval before it is used. */
    public boolean secondApproval() {
        return responses.secondApproval();
    }

    public List<Incident> all() {
        return repository.all();
    }

    public Incident get(long id) {
        return repository.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
    }

    /** Records a milestone as done; its alerts stop. False when it was already done. */
    @Transactional
    public boolean completeMilestone(long incidentId, String name, String by) {
        Incident incident = get(incidentId);
        if (incident.milestones().stream().noneMatch(m -> m.name().equals(name))) {
            throw new IllegalArgumentException("no milestone '" + name + "'; this incident has "
                    + incident.milestones().stream().map(Milestone::name).toList());
        }
        if (!repository.completeMilestone(incidentId, name, by, clock.instant())) {
            return false;
        }
        audit.record(by, "incident.milestone", "incident:" + incidentId, null, name);
        events.publishEvent(new MilestoneCompleted(incidentId, name));
        return true;
    }

    /**
     * Issues a quick response. Without second approval it is published at once and supersedes the
     * incident's current one; with it, it waits for a leader's {@link #approve}.
     */
    @Transactional
    public QuickResponse issueResponse(long incidentId, String text, String by) {
        return responses.issue(incidentId, text, by);
    }

    /** A leader approves a pending quick response: it is published and supersedes the current one. */
    @Transactional
    public QuickResponse approve(long incidentId, long responseId, String by) {
        return responses.approve(incidentId, responseId, by);
    }

    /** Withdraws the published quick response: it stops being used at once. */
    @Transactional
    public QuickResponse withdraw(long incidentId, long responseId, String by) {
        return responses.withdraw(incidentId, responseId, by);
    }

    /** The response currently in use for the incident. */
    public Optional<QuickResponse> current(long incidentId) {
        return responses.current(incidentId);
    }

    private static List<String> cleanKeywords(List<String> keywords) {
        if (keywords == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String k : keywords) {
            if (k != null && !k.isBlank()) {
                String word = k.strip().replace(",", "");
                if (word.length() > 30) {
                    throw new IllegalArgumentException("a keyword is at most 30 characters: " + word);
                }
                out.add(word);
            }
        }
        if (out.size() > 20) {
            throw new IllegalArgumentException("at most 20 keywords");
        }
        return List.copyOf(out);
    }
}
