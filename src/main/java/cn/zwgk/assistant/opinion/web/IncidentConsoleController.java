package cn.zwgk.assistant.opinion.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zwgk.assistant.opinion.Incident;
import cn.zwgk.assistant.opinion.IncidentService;
import cn.zwgk.assistant.opinion.QuickResponse;
import cn.zwgk.assistant.opinion.Severity;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.staff.StaffMember;

/**
 * 舆情与口径: incidents with their response clocks, and their quick responses (issue, approve,
 * withdraw, every version kept). ADMIN and COMMS (see AccessRules).
 */
@Controller
class IncidentConsoleController {

    private final IncidentService incidents;
    private final StaffDirectory staff;
    private final Texts texts;
    private final MessageSource messages;
    private final Clock clock;

    IncidentConsoleController(IncidentService incidents, StaffDirectory staff, Texts texts, MessageSource messages,
                              Clock clock) {
        this.incidents = incidents;
        this.staff = staff;
        this.texts = texts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console/incidents")
    String list(Model model) {
        return listPage(model, "", "", "", "");
    }

    @PostMapping("/console/incidents")
    String open(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String severity,
                @RequestParam(defaultValue = "") String keywords, @RequestParam(defaultValue = "") String responsible,
                Authentication user, Model model, HttpServletResponse response, RedirectAttributes flash) {
        String error = null;
        Severity level = null;
        if (title.isBlank() || title.strip().length() > 200) {
            error = texts.get("console.opinion.title-missing");
        } else {
            try {
                level = Severity.parse(severity);
            } catch (IllegalArgumentException e) {
                error = texts.get("console.opinion.severity-missing");
            }
        }
        // the clock alerts go to the responsible officer: only a bound, active staff member, never a
        // citizen's openid typed into a forged form
        if (error == null && !responsible.isBlank()
                && boundStaff().stream().noneMatch(s -> responsible.strip().equals(s.openid()))) {
            error = texts.get("console.opinion.responsible-unknown");
        }
        if (error == null) {
            try {
                Incident opened = incidents.open(title, level, splitKeywords(keywords), user.getName(),
                        responsible.isBlank() ? null : responsible.strip(), null);
                flash.addFlashAttribute("ok", texts.get("console.opinion.opened", Long.toString(opened.id()), opened.title()));
                return "redirect:/console/incidents/" + opened.id();
            } catch (IllegalArgumentException e) {
                error = texts.get("console.opinion.refused", e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", error);
        return listPage(model, title, severity, keywords, responsible);
    }

    @GetMapping("/console/incidents/{id}")
    String detail(@PathVariable long id, Model model) {
        return detailPage(id, "", model);
    }

    @PostMapping("/console/incidents/{id}/milestones/{name}")
    String milestone(@PathVariable long id, @PathVariable String name, Authentication user, RedirectAttributes flash) {
        String label = messages.getMessage("milestone." + name, null, name, LocaleContextHolder.getLocale());
        try {
            boolean changed = incidents.completeMilestone(id, name, user.getName());
            flash.addFlashAttribute("ok", texts.get(changed ? "console.opinion.milestone-done"
                    : "console.opinion.milestone-already", label));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", texts.get("console.opinion.refused", e.getMessage()));
        }
        return "redirect:/console/incidents/" + id;
    }

    @PostMapping("/console/incidents/{id}/responses")
    String issue(@PathVariable long id, @RequestParam(defaultValue = "") String text, Authentication user, Model model,
                 HttpServletResponse response, RedirectAttributes flash) {
        String error;
        if (text.isBlank() || text.strip().length() > 2000) {
            error = texts.get("console.opinion.text-missing");
        } else {
            try {
                QuickResponse issued = incidents.issueResponse(id, text, user.getName());
                String key = issued.status() == QuickResponse.Status.PUBLISHED ? "console.opinion.published"
                        : "console.opinion.pending";
                flash.addFlashAttribute("ok", texts.get(key, Integer.toString(issued.version())));
                return "redirect:/console/incidents/" + id;
            } catch (IllegalArgumentException e) {
                error = texts.get("console.opinion.refused", e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", error);
        return detailPage(id, text, model);
    }

    @PostMapping("/console/incidents/{id}/responses/{responseId}/approve")
    String approve(@PathVariable long id, @PathVariable long responseId, Authentication user, RedirectAttributes flash) {
        try {
            QuickResponse approved = incidents.approve(id, responseId, user.getName());
            flash.addFlashAttribute("ok", texts.get("console.opinion.approved", Integer.toString(approved.version())));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage() != null && e.getMessage().contains("another person")
                    ? texts.get("console.opinion.self-approval") : texts.get("console.opinion.refused", e.getMessage()));
        }
        return "redirect:/console/incidents/" + id;
    }

    @PostMapping("/console/incidents/{id}/responses/{responseId}/withdraw")
    String withdraw(@PathVariable long id, @PathVariable long responseId, Authentication user, RedirectAttributes flash) {
        try {
            QuickResponse withdrawn = incidents.withdraw(id, responseId, user.getName());
            flash.addFlashAttribute("ok", texts.get("console.opinion.withdrawn", Integer.toString(withdrawn.version())));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", texts.get("console.opinion.refused", e.getMessage()));
        }
        return "redirect:/console/incidents/" + id;
    }

    private String listPage(Model model, String title, String severity, String keywords, String responsible) {
        model.addAttribute("incidents", incidents.all());
        model.addAttribute("form", new IncidentForm(title, severity, keywords, responsible));
        model.addAttribute("officers", boundStaff());
        model.addAttribute("now", clock.instant());
        return "opinion/incidents";
    }

    private String detailPage(long id, String draft, Model model) {
        Incident incident = incidents.get(id);
        model.addAttribute("incident", incident);
        model.addAttribute("current", incidents.current(id).orElse(null));
        model.addAttribute("draft", draft);
        model.addAttribute("secondApproval", incidents.secondApproval());
        model.addAttribute("now", clock.instant());
        return "opinion/incident";
    }

    private List<StaffMember> boundStaff() {
        return staff.all().stream().filter(StaffMember::active).filter(StaffMember::bound).toList();
    }

    static List<String> splitKeywords(String keywords) {
        return Arrays.stream(keywords.split("[,，、;；\\s]+")).map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    /** The new-incident form as typed, kept when it is refused. */
    record IncidentForm(String title, String severity, String keywords, String responsible) {
    }
}
