package cn.zwgk.assistant.disclosure.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zwgk.assistant.disclosure.CaseStatus;
import cn.zwgk.assistant.disclosure.CaseView;
import cn.zwgk.assistant.disclosure.DisclosureService;
import cn.zwgk.assistant.disclosure.IllegalTransitionException;
import cn.zwgk.assistant.disclosure.ReplyKind;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * 依申请公开 cases: the list with filters, the detail page (personal data masked) with its timeline
 * and attachments, and every workflow action as a form. A refused action shows the page again with
 * the reason and the officer's input.
 */
@Controller
class CasesConsoleController {


    /** One timeline line, with its time in office time. */
    record TimelineRow(String at, String actor, String action, String fromStatus, String toStatus, String detail) {
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DisclosureService disclosures;
    private final Texts texts;
    private final MessageSource messages;

    CasesConsoleController(DisclosureService disclosures, Texts texts, MessageSource messages) {
        this.disclosures = disclosures;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping("/console/cases")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(required = false) String dueBefore, Model model) {
        CaseStatus s = status(status);
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        LocalDate due = null;
        if (dueBefore != null && !dueBefore.isBlank()) {
            try {
                due = LocalDate.parse(dueBefore.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("error", texts.get("console.cases.invalid.date"));
            }
        }
        String dueLimit = due == null ? null : due.toString();
        List<CaseView> cases = disclosures.list(s, null).stream()
                .filter(c -> text.isEmpty() || c.trackingNo().toLowerCase(Locale.ROOT).contains(text)
                        || contains(c.description(), text) || contains(c.applicantName(), text))
                .filter(c -> dueLimit == null || c.dueOn() != null && c.dueOn().compareTo(dueLimit) <= 0)
                .toList();
        model.addAttribute("cases", cases);
        model.addAttribute("filterStatus", s == null ? "" : s.name());
        model.addAttribute("filterQ", q == null ? "" : q);
        model.addAttribute("filterDue", dueBefore == null ? "" : dueBefore);
        addChoices(model);
        return "disclosure/cases";
    }

    @GetMapping("/console/cases/{trackingNo}")
    String detail(@PathVariable String trackingNo, Model model, HttpServletResponse response) {
        return page(trackingNo, model, response, null, Map.of());
    }

    @PostMapping("/console/cases/{trackingNo}/act/{action}")
    String act(@PathVariable String trackingNo, @PathVariable String action, @RequestParam Map<String, String> form,
               Authentication user, Model model, HttpServletResponse response, RedirectAttributes flash) {
        CaseView c = disclosures.find(trackingNo).orElse(null);
        if (c == null || !CaseActions.known(action)) {
            return page(trackingNo, model, response, null, Map.of());
        }
        String error = null;
        if (!CaseActions.FROM.get(action).contains(c.status())) {
            error = texts.get("console.cases.not-allowed", word("case.status.", c.status()), word("case.action.", action));
        }
        try {
            if (error == null) {
                disclosures.act(trackingNo, action, CaseActions.read(action, form), user.getName());
                flash.addFlashAttribute("ok", texts.get("console.cases.done", trackingNo, word("case.action.", action)));
                return "redirect:/console/cases/" + trackingNo;
            }
        } catch (CaseActions.InvalidForm e) {
            error = texts.get("console.cases.invalid." + e.key);
        } catch (IllegalTransitionException | IllegalArgumentException e) {
            error = texts.get("console.cases.refused", word("case.action.", action), e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            error = texts.get("console.cases.conflict");
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", error);
        return page(trackingNo, model, response, action, form);
    }

    @PostMapping("/console/cases/{trackingNo}/attachments")
    String attach(@PathVariable String trackingNo, @RequestParam(name = "file", required = false) List<MultipartFile> files,
                  Authentication user, RedirectAttributes flash) {
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> !f.isEmpty() || f.getOriginalFilename() != null
                        && !f.getOriginalFilename().isBlank()).toList();
        try {
            var added = disclosures.attach(trackingNo, chosen, user.getName());
            flash.addFlashAttribute("ok", texts.get("console.cases.attached", added.size()));
        } catch (IllegalArgumentException | IllegalTransitionException e) {
            flash.addFlashAttribute("error", texts.get("console.cases.refused", word("case.action.", "attach"),
                    e.getMessage()));
        }
        return "redirect:/console/cases/" + trackingNo;
    }

    private String page(String trackingNo, Model model, HttpServletResponse response, String failedAction,
                        Map<String, String> input) {
        CaseView c = disclosures.find(trackingNo).orElse(null);
        addChoices(model);
        if (c == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", texts.get("console.cases.not-found", trackingNo));
            model.addAttribute("cases", List.of());
            model.addAttribute("filterStatus", "");
            model.addAttribute("filterQ", trackingNo);
            model.addAttribute("filterDue", "");
            return "disclosure/cases";
        }
        model.addAttribute("c", c);
        model.addAttribute("timeline", c.timeline().stream().map(e -> new TimelineRow(time(e.at()), e.actor(),
                word("case.action.", e.action()), e.fromStatus(), e.toStatus(), e.detail())).toList());
        model.addAttribute("actions", CaseActions.available(c.status()));
        model.addAttribute("failedAction", failedAction == null ? "" : failedAction);
        model.addAttribute("input", input);
        return "disclosure/case";
    }

    private static void addChoices(Model model) {
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("replyKinds", ReplyKind.values());
    }

    /** The status named, or null for blank or unknown text. */
    private static CaseStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The staff-facing word for a value (from the message bundle), or the value itself when there is none. */
    private String word(String prefix, String value) {
        return messages.getMessage(prefix + value, null, value, LocaleContextHolder.getLocale());
    }

    private static String time(String at) {
        try {
            return MINUTES.format(Instant.parse(at).atZone(OfficeTime.ZONE));
        } catch (DateTimeParseException e) {
            return at;
        }
    }

    private static boolean contains(String value, String lowerText) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerText);
    }
}
