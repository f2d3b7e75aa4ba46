package cn.zwgk.assistant.staff.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.staff.StaffMember;

/**
 * 工作人员: the staff directory, adding members, and one-time WeChat binding codes. ADMIN only.
 * A member's WeCom webhook is a credential (its key is in the URL): the page only says whether one is set.
 */
@Controller
class StaffConsoleController {

    private final StaffDirectory directory;
    private final Texts texts;

    StaffConsoleController(StaffDirectory directory, Texts texts) {
        this.directory = directory;
        this.texts = texts;
    }

    @GetMapping("/console/staff")
    String list(Model model) {
        return page(new StaffForm("", "", List.of(), ""), null, model);
    }

    @PostMapping("/console/staff")
    String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String department,
               @RequestParam(name = "roles", required = false) List<String> roles,
               @RequestParam(defaultValue = "") String wecomWebhook, Model model, HttpServletResponse response,
               RedirectAttributes flash) {
        List<String> chosen = roles == null ? List.of() : roles;
        StaffForm form = new StaffForm(name, department, chosen, wecomWebhook);
        String error = null;
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        try {
            chosen.forEach(r -> parsed.add(Role.valueOf(r)));
        } catch (IllegalArgumentException e) {
            parsed.clear();
        }
        if (name.isBlank() || name.strip().length() > 100) {
            error = texts.get("console.admin.staff-name");
        } else if (parsed.isEmpty()) {
            error = texts.get("console.admin.staff-roles");
        } else if (!wecomWebhook.isBlank() && !wecomWebhook.strip().startsWith("https://")) {
            error = texts.get("console.admin.staff-webhook");
        }
        if (error == null) {
            try {
                StaffMember added = directory.add(name, department.isBlank() ? null : department.strip(), parsed, null,
                        wecomWebhook.isBlank() ? null : wecomWebhook.strip());
                flash.addFlashAttribute("ok", texts.get("console.admin.staff-added", added.name()));
                return "redirect:/console/staff";
            } catch (IllegalArgumentException e) {
                error = texts.get("console.admin.refused", e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", error);
        return page(form, null, model);
    }

    /** Shown once on the page it returns (not stored in the session, not redirected). */
    @PostMapping("/console/staff/{id}/binding-code")
    String bindingCode(@PathVariable long id, Model model, HttpServletResponse response) {
        StaffMember member = directory.find(id).orElse(null);
        if (member == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", texts.get("console.admin.refused", "no staff member " + id));
            return page(new StaffForm("", "", List.of(), ""), null, model);
        }
        StaffDirectory.BindingCode code = directory.newBindingCode(id);
        return page(new StaffForm("", "", List.of(), ""), new IssuedCode(member, code), model);
    }

    private String page(StaffForm form, IssuedCode issued, Model model) {
        model.addAttribute("staff", directory.all());
        model.addAttribute("form", form);
        model.addAttribute("roleOrder", List.of("ADMIN", "HANDLER", "SUPERVISOR", "COMMS"));
        model.addAttribute("issued", issued);
        return "staff/staff";
    }

    record StaffForm(String name, String department, List<String> roles, String wecomWebhook) {
    }

    record IssuedCode(StaffMember member, StaffDirectory.BindingCode code) {
    }
}
