package cn.zwgk.assistant.handoff.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zwgk.assistant.conversation.ConversationLog;
import cn.zwgk.assistant.conversation.LogFilter;
import cn.zwgk.assistant.conversation.LoggedMessage;
import cn.zwgk.assistant.disclosure.DisclosureService;
import cn.zwgk.assistant.handoff.Handoff;
import cn.zwgk.assistant.handoff.HandoffMessage;
import cn.zwgk.assistant.handoff.HandoffService;
import cn.zwgk.assistant.platform.Texts;

/**
 * 人工服务: the queue of citizens who asked for a person, and one conversation: what the citizen said
 * to the bot before (masked as in the conversation log), their disclosure cases still being handled, the messages
 * since, and the reply form. Casework roles.
 */
@Controller
class HandoffConsoleController {

    static final int MAX_REPLY = 600;
    private static final int HISTORY = 20;

    private final HandoffService handoffs;
    private final ConversationLog log;
    private final DisclosureService cases;
    private final Texts texts;
    private final MessageSource messages;

    HandoffConsoleController(HandoffService handoffs, ConversationLog log, DisclosureService cases,
                             Texts texts, MessageSource messages) {
        this.handoffs = handoffs;
        this.log = log;
        this.cases = cases;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping("/console/handoff")
    String queue(Model model) {
        model.addAttribute("handoffs", handoffs.queue());
        return "handoff/handoff-queue";
    }

    @GetMapping("/console/handoff/{id}")
    String conversation(@PathVariable long id, Model model) {
        Handoff h = handoffs.find(id).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, texts.get("console.handoff.not-found")));
        List<LoggedMessage> before = new java.util.ArrayList<>(log.recent(LogFilter.user(log.userHash(h.openid())), 0, HISTORY));
        java.util.Collections.reverse(before);
        List<HandoffMessage> messages = handoffs.messages(id);
        Map<Long, String> delivery = new LinkedHashMap<>();
        messages.forEach(m -> delivery.put(m.id(), deliveryLabel(handoffs.deliveryState(m.deliveryKey()))));
        model.addAttribute("handoff", h);
        model.addAttribute("before", before);
        model.addAttribute("messages", messages);
        model.addAttribute("delivery", delivery);
        model.addAttribute("cases", cases.openForApplicant(h.appId(), h.openid(), 5).stream()
                .map(c -> new OpenCase(c.trackingNo(), c.status(), c.dueOn())).toList());
        model.addAttribute("maxReply", MAX_REPLY);
        return "handoff/handoff";
    }

    @PostMapping("/console/handoff/{id}/take")
    String take(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        boolean taken = handoffs.take(id, user.getName());
        flash.addFlashAttribute(taken ? "ok" : "error",
                texts.get(taken ? "console.handoff.taken" : "console.handoff.not-waiting", Long.toString(id)));
        return "redirect:/console/handoff/" + id;
    }

    @PostMapping("/console/handoff/{id}/reply")
    String reply(@PathVariable long id, @RequestParam(defaultValue = "") String text, Authentication user,
                 RedirectAttributes flash) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_REPLY) {
            flash.addFlashAttribute("error", texts.get("console.handoff.reply-empty"));
        } else if (handoffs.reply(id, user.getName(), t)) {
            flash.addFlashAttribute("ok", texts.get("console.handoff.replied"));
        } else {
            flash.addFlashAttribute("error", texts.get("console.handoff.not-yours", Long.toString(id)));
        }
        return "redirect:/console/handoff/" + id;
    }

    @PostMapping("/console/handoff/{id}/close")
    String close(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        boolean closed = handoffs.close(id, user.getName());
        flash.addFlashAttribute(closed ? "ok" : "error",
                texts.get(closed ? "console.handoff.closed" : "console.handoff.not-found", Long.toString(id)));
        return "redirect:/console/handoff";
    }

    /** A case of the citizen, without personal data: number, status and due date. */
    record OpenCase(String trackingNo, String status, String dueOn) {
    }

    /** How far a reply got, in the words of the message bundle ({@code handoff.delivery.*}); blank when unknown. */
    private String deliveryLabel(String state) {
        String shown = switch (Optional.ofNullable(state).orElse("")) {
            case "SENT", "FAILED" -> state;
            case "" -> null;
            default -> "PENDING";
        };
        return shown == null ? "" : messages.getMessage("handoff.delivery." + shown, null, LocaleContextHolder.getLocale());
    }
}
