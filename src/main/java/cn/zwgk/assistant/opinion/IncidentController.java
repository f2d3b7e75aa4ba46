package cn.zwgk.assistant.opinion;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.zwgk.assistant.platform.AuditLog;

/** Incidents, their clocks and quick responses, for the console and communications officers. */
@RestController
@RequestMapping("/api")
class IncidentController {

    private final IncidentService incidents;
    private final AlertService alerts;

    IncidentController(IncidentService incidents, AlertService alerts) {
        this.incidents = incidents;
        this.alerts = alerts;
    }

    record NewIncident(String title, String severity, List<String> keywords) {
    }

    record ResponseText(String text) {
    }

    record Decision(String severity, String title) {
    }

    @PostMapping("/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    Incident open(@RequestBody NewIncident request) {
        return incidents.open(request.title(), Severity.parse(request.severity()), request.keywords(), actor(), null, null);
    }

    @GetMapping("/incidents")
    List<Incident> all() {
        return incidents.all();
    }

    @GetMapping("/incidents/{id}")
    Incident one(@PathVariable("id") long id) {
        return incidents.get(id);
    }

    /** Issues a 口径: published at once, or pending a leader's approval when second approval is on. */
    @PostMapping("/incidents/{id}/responses")
    @ResponseStatus(HttpStatus.CREATED)
    QuickResponse respond(@PathVariable("id") long id, @RequestBody ResponseText request) {
        return incidents.issueResponse(id, request.text(), actor());
    }

    @PostMapping("/incidents/{id}/responses/{responseId}/approve")
    QuickResponse approve(@PathVariable("id") long id, @PathVariable("responseId") long responseId) {
        return incidents.approve(id, responseId, actor());
    }

    @PostMapping("/incidents/{id}/responses/{responseId}/withdraw")
    QuickResponse withdraw(@PathVariable("id") long id, @PathVariable("responseId") long responseId) {
        return incidents.withdraw(id, responseId, actor());
    }

    @PostMapping("/incidents/{id}/milestones/{name}")
    Map<String, Object> milestone(@PathVariable("id") long id, @PathVariable("name") String name) {
        boolean changed = incidents.completeMilestone(id, name, actor());
        return Map.of("incident", incidents.get(id), "changed", changed);
    }

    @GetMapping("/opinion/alerts")
    List<OpinionAlert> alerts() {
        return alerts.all();
    }

    @PostMapping("/opinion/alerts/{id}/confirm")
    @ResponseStatus(HttpStatus.CREATED)
    Incident confirm(@PathVariable("id") long id, @RequestBody Decision decision) {
        return alerts.confirm(id, Severity.parse(decision.severity()), decision.title(), actor(), null);
    }

    @PostMapping("/opinion/alerts/{id}/dismiss")
    OpinionAlert dismiss(@PathVariable("id") long id) {
        return alerts.dismiss(id, actor());
    }

    private static String actor() {
        return AuditLog.currentActor("api");
    }
}
