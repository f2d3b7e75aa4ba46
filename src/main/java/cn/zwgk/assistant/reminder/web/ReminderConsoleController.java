package cn.zwgk.assistant.reminder.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

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

import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.reminder.NotStaffRecipient;
import cn.zwgk.assistant.reminder.Reminder;
import cn.zwgk.assistant.reminder.ReminderService;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.staff.StaffMember;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * 提醒: pending reminders with their next fire time, cancelling, and custom reminders (to staff only).
 * Everyone signed in; a statutory reminder is cancelled only by an administrator giving a reason.
 */
@Controller
class ReminderConsoleController {


    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReminderService reminders;
    private final StaffDirectory staff;
    private final Texts texts;
    private final MessageSource messages;
    private final Clock clock;

    ReminderConsoleController(ReminderService reminders, StaffDirectory staff, Texts texts, MessageSource messages,
                              Clock clock) {
        this.reminders = reminders;
        this.staff = staff;
        this.texts = texts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console/reminders")
    String list(@RequestParam(defaultValue = "") String subject, Model model) {
        return page(subject, new ReminderForm("", List.of(), ""), model);
    }

    @PostMapping("/console/reminders")
    String create(@RequestParam(defaultValue = "") String text,
                  @RequestParam(name = "recipients", required = false) List<String> recipients,
                  @RequestParam(defaultValue = "") String at, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        List<String> chosen = recipients == null ? List.of()
                : recipients.stream().filter(Objects::nonNull).map(String::strip).filter(r -> !r.isEmpty()).distinct().toList();
        ReminderForm form = new ReminderForm(text, chosen, at);
        String error = null;
        OffsetDateTime when = null;
        if (text.isBlank() || text.length() > 1000) {
            error = texts.get("console.admin.reminder-text");
        } else if (chosen.isEmpty()) {
            error = texts.get("console.admin.reminder-recipients");
        } else {
            try {
                when = LocalDateTime.parse(at.strip()).atZone(OfficeTime.ZONE).toOffsetDateTime();
                if (when.toInstant().isBefore(clock.instant())) {
                    error = texts.get("console.admin.reminder-past");
                }
            } catch (DateTimeParseException e) {
                error = texts.get("console.admin.reminder-time");
            }
        }
        if (error == null) {
            try {
                Reminder created = reminders.createCustom(text, chosen, when);
                flash.addFlashAttribute("ok", texts.get("console.admin.reminder-created",
                        SHOWN.format(created.fireAt().atZone(OfficeTime.ZONE)),
                        Integer.toString(created.recipients().size())));
                return "redirect:/console/reminders";
            } catch (NotStaffRecipient e) {
                error = texts.get("console.admin.reminder-not-staff", e.recipient());
            } catch (IllegalArgumentException e) {
                error = texts.get("console.admin.refused", e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", error);
        return page("", form, model);
    }

    @PostMapping("/console/reminders/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String subject,
                  @RequestParam(defaultValue = "") String reason, Authentication user, RedirectAttributes flash) {
        boolean admin = user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        ReminderService.Cancel outcome = reminders.cancelByStaff(id, user.getName(), admin, reason);
        flash.addFlashAttribute(outcome == ReminderService.Cancel.CANCELLED ? "ok" : "error", texts.get(switch (outcome) {
            case CANCELLED -> "console.admin.reminder-cancelled";
            case NOT_PENDING -> "console.admin.reminder-gone";
            case STATUTORY -> "console.admin.reminder-statutory";
            case REASON_REQUIRED -> "console.admin.reminder-reason";
        }, Long.toString(id)));
        if (!subject.isBlank()) {
            flash.addAttribute("subject", subject);
        }
        return "redirect:/console/reminders";
    }

    private String page(String subject, ReminderForm form, Model model) {
        List<Reminder> pending = reminders.pending(subject.isBlank() ? null : subject.strip());
        List<StaffMember> members = staff.all().stream().filter(StaffMember::active).toList();
        model.addAttribute("reminders", pending);
        model.addAttribute("subject", subject);
        Locale locale = LocaleContextHolder.getLocale();
        List<String> subjects = new ArrayList<>(pending.stream().map(Reminder::subject).filter(Objects::nonNull).toList());
        subjects.add(subject.strip());
        model.addAttribute("subjectNames", SubjectNames.of(subjects, messages, locale));
        model.addAttribute("subjectIsKey", SubjectNames.isKey(subject.strip()));
        model.addAttribute("form", form);
        model.addAttribute("members", members);
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", new TreeSet<>(members.stream().map(StaffMember::department)
                .filter(d -> d != null && !d.isBlank()).map(String::strip).toList()));
        model.addAttribute("recipientNames", names(members));
        model.addAttribute("minTime", LocalDateTime.ofInstant(clock.instant(), OfficeTime.ZONE).withSecond(0).withNano(0).toString());
        return "reminder/reminders";
    }


    /** How each kind of recipient entry is shown: a member's name, a role, a department. */
    private Map<String, String> names(List<StaffMember> members) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            String label = messages.getMessage("role." + role.name(), null, LocaleContextHolder.getLocale());
            names.put("role:" + role.name(), messages.getMessage("reminder.recipient.role", new Object[] {label},
                    LocaleContextHolder.getLocale()));
        }
        for (StaffMember m : members) {
            if (m.bound()) {
                names.put(m.openid(), m.name());
            }
            if (m.department() != null && !m.department().isBlank()) {
                names.put("dept:" + m.department().strip(), messages.getMessage("reminder.recipient.department",
                        new Object[] {m.department().strip()}, LocaleContextHolder.getLocale()));
            }
        }
        return names;
    }

    /** The custom-reminder form as typed, kept when it is refused. */
    record ReminderForm(String text, List<String> recipients, String at) {
    }
}
