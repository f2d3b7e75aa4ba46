package cn.zwgk.assistant.disclosure.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.zwgk.assistant.disclosure.CaseStatus;
import cn.zwgk.assistant.disclosure.ReplyKind;
import cn.zwgk.assistant.platform.Texts;

/** The Chinese names of case statuses, actions, reply kinds and intake channels (from {@code console.cases.*}). */
@Component
class CaseLabels {

    private final Map<String, String> statuses;
    private final Map<String, String> actions;
    private final Map<String, String> kinds;
    private final Map<String, String> channels;

    CaseLabels(Texts texts) {
        this.statuses = section(texts, "console.cases.status.");
        this.actions = section(texts, "console.cases.action.");
        this.kinds = section(texts, "console.cases.kind.");
        this.channels = section(texts, "console.cases.channel.");
    }

    void addTo(Model model) {
        model.addAttribute("statusLabels", statuses);
        model.addAttribute("actionLabels", actions);
        model.addAttribute("kindLabels", kinds);
        model.addAttribute("channelLabels", channels);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("replyKinds", ReplyKind.values());
    }

    String statusLabel(String status) {
        return statuses.getOrDefault(status, status);
    }

    String actionLabel(String action) {
        return actions.getOrDefault(action, action);
    }

    /** The status named, or null for blank or unknown text. */
    CaseStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> section(Texts texts, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        texts.all().forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), value.strip());
            }
        });
        return out;
    }
}
