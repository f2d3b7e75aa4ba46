package cn.zwgk.assistant.access.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.staff.Role;

/**
 * 账号: console users, their roles, enabling, unlocking and password resets. ADMIN only; an
 * administrator cannot disable themselves or take away their own ADMIN role (nobody would be left
 * to undo it).
 */
@Controller
class UserConsoleController {

    private final UserAccounts accounts;
    private final Texts texts;

    UserConsoleController(UserAccounts accounts, Texts texts) {
        this.accounts = accounts;
        this.texts = texts;
    }

    @GetMapping("/console/users")
    String list(Model model) {
        return page(new UserForm("", "", List.of()), model);
    }

    @PostMapping("/console/users")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String password,
                  @RequestParam(name = "roles", required = false) List<String> roles, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        try {
            accounts.create(username, displayName, password, roles(roles));
            flash.addFlashAttribute("ok", texts.get("console.admin.user-created", username.strip()));
            return "redirect:/console/users";
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", texts.get("console.admin.refused", e.getMessage()));
            return page(new UserForm(username, displayName, roles == null ? List.of() : roles), model);
        }
    }

    @PostMapping("/console/users/{username}/roles")
    String setRoles(@PathVariable String username, @RequestParam(name = "roles", required = false) List<String> roles,
                    Authentication me, RedirectAttributes flash) {
        return act(flash, () -> {
            Set<Role> chosen = roles(roles);
            if (username.equals(me.getName()) && !chosen.contains(Role.ADMIN)) {
                return texts.get("console.admin.user-self");
            }
            accounts.setRoles(username, chosen);
            return null;
        }, texts.get("console.admin.user-roles", username));
    }

    @PostMapping("/console/users/{username}/enabled")
    String setEnabled(@PathVariable String username, @RequestParam boolean value, Authentication me,
                      RedirectAttributes flash) {
        return act(flash, () -> {
            if (username.equals(me.getName()) && !value) {
                return texts.get("console.admin.user-self");
            }
            accounts.setEnabled(username, value);
            return null;
        }, texts.get(value ? "console.admin.user-enabled" : "console.admin.user-disabled", username));
    }

    @PostMapping("/console/users/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes flash) {
        return act(flash, () -> {
            accounts.unlock(username);
            return null;
        }, texts.get("console.admin.user-unlocked", username));
    }

    @PostMapping("/console/users/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password,
                         RedirectAttributes flash) {
        return act(flash, () -> {
            accounts.resetPassword(username, password);
            return null;
        }, texts.get("console.admin.user-password", username));
    }

    /** Runs a change; the action returns a refusal message, or null when it went through. */
    private String act(RedirectAttributes flash, Action action, String done) {
        try {
            String refusal = action.run();
            flash.addFlashAttribute(refusal == null ? "ok" : "error", refusal == null ? done : refusal);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", texts.get("console.admin.refused", e.getMessage()));
        }
        return "redirect:/console/users";
    }

    private interface Action {
        String run();
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                roles.add(Role.valueOf(name));
            }
        }
        return roles;
    }

    private String page(UserForm form, Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        return "access/users";
    }

    record UserForm(String username, String displayName, List<String> roles) {
    }
}
