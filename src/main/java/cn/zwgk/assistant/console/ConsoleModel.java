package cn.zwgk.assistant.console;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.zwgk.assistant.platform.OfficeTime;

/**
 * What every console page shows around its content: who is signed in, the menu for their roles and the
 * office's time zone. The screens live with their features, in each feature's {@code web} package; the
 * advice names those packages by name, so that no feature depends on the console (a new feature's
 * {@code web} package goes in this list; ConsoleModelTest checks that none is missing).
 */
@ControllerAdvice(basePackages = {"cn.zwgk.assistant.console", "cn.zwgk.assistant.access.web",
        "cn.zwgk.assistant.calendar.web", "cn.zwgk.assistant.conversation.web", "cn.zwgk.assistant.disclosure.web",
        "cn.zwgk.assistant.faq.web", "cn.zwgk.assistant.handoff.web", "cn.zwgk.assistant.knowledge.web",
        "cn.zwgk.assistant.opinion.web", "cn.zwgk.assistant.reminder.web", "cn.zwgk.assistant.staff.web",
        "cn.zwgk.assistant.wechat.web"})
class ConsoleModel {

    /** A menu entry, visible to any of {@code roles}; its name is the message {@code labelKey} (messages.properties). */
    record MenuItem(String path, String labelKey, Set<String> roles) {
    }

    private static final Set<String> ALL = Set.of("ADMIN", "HANDLER", "SUPERVISOR", "COMMS");
    private static final Set<String> CASEWORK = Set.of("ADMIN", "HANDLER", "SUPERVISOR");
    private static final Set<String> OPINION = Set.of("ADMIN", "COMMS");
    private static final Set<String> ADMIN = Set.of("ADMIN");

    static final List<MenuItem> MENU = List.of(
            new MenuItem("/console", "menu.dashboard", ALL),
            new MenuItem("/console/kb", "menu.kb", ALL),
            new MenuItem("/console/gaps", "menu.gaps", CASEWORK),
            new MenuItem("/console/faq", "menu.faq", CASEWORK),
            new MenuItem("/console/cases", "menu.cases", CASEWORK),
            new MenuItem("/console/handoff", "menu.handoff", CASEWORK),
            new MenuItem("/console/incidents", "menu.incidents", OPINION),
            new MenuItem("/console/reminders", "menu.reminders", ALL),
            new MenuItem("/console/staff", "menu.staff", ADMIN),
            new MenuItem("/console/calendar", "menu.calendar", ALL),
            new MenuItem("/console/conversations", "menu.conversations", Set.of("ADMIN", "SUPERVISOR")),
            new MenuItem("/console/users", "menu.users", ADMIN),
            new MenuItem("/console/config", "menu.config", ADMIN));

    @ModelAttribute("zone")
    ZoneId zone() {
        return OfficeTime.ZONE;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("currentUser")
    String currentUser(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("currentRoles")
    Set<String> currentRoles(Authentication authentication) {
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
    }

    @ModelAttribute("menu")
    List<MenuItem> menu(Authentication authentication) {
        Set<String> roles = currentRoles(authentication);
        return MENU.stream().filter(item -> item.roles().stream().anyMatch(roles::contains)).toList();
    }
}
