package cn.zwgk.assistant.opinion.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zwgk.assistant.opinion.AlertService;
import cn.zwgk.assistant.opinion.Incident;
import cn.zwgk.assistant.opinion.OpinionAlert;
import cn.zwgk.assistant.opinion.Severity;
import cn.zwgk.assistant.platform.Texts;

/** 舆情预警: early-warning alerts, confirmed into an incident or dismissed. ADMIN and COMMS. */
@Controller
class AlertConsoleController {

    private final AlertService alerts;
    private final Texts texts;

    AlertConsoleController(AlertService alerts, Texts texts) {
        this.alerts = alerts;
        this.texts = texts;
    }

    @GetMapping("/console/alerts")
    String list(Model model) {
        model.addAttribute("alerts", alerts.all());
        model.addAttribute("pendingCount", alerts.all().stream()
                .filter(a -> a.status() == OpinionAlert.Status.PENDING).count());
        return "opinion/alerts";
    }

    @PostMapping("/console/alerts/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(defaultValue = "") String severity,
                   @RequestParam(defaultValue = "") String title, Authentication user, RedirectAttributes flash) {
        Severity level;
        try {
            level = Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", texts.get("console.opinion.severity-missing"));
            return "redirect:/console/alerts";
        }
        try {
            Incident incident = alerts.confirm(id, level, title, user.getName(), null);
            flash.addFlashAttribute("ok", texts.get("console.opinion.confirmed", Long.toString(id),
                    Long.toString(incident.id())));
            return "redirect:/console/incidents/" + incident.id();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", texts.get("console.opinion.refused", e.getMessage()));
            return "redirect:/console/alerts";
        }
    }

    @PostMapping("/console/alerts/{id}/dismiss")
    String dismiss(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        try {
            alerts.dismiss(id, user.getName());
            flash.addFlashAttribute("ok", texts.get("console.opinion.dismissed", Long.toString(id)));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", texts.get("console.opinion.refused", e.getMessage()));
        }
        return "redirect:/console/alerts";
    }
}
