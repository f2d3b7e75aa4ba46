package cn.zwgk.assistant.faq.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.zwgk.assistant.faq.KnowledgeGaps;

/**
 * 待完善问题: policy questions the documents did not answer, or whose answer citizens rated unhelpful,
 * grouped by meaning, most askers first, with masked examples and what the bot answered.
 */
@Controller
class GapsConsoleController {

    static final int LIMIT = 50;

    private final KnowledgeGaps gaps;

    GapsConsoleController(KnowledgeGaps gaps) {
        this.gaps = gaps;
    }

    @GetMapping("/console/gaps")
    String gaps(@RequestParam(defaultValue = "7") int days, Model model) {
        int d = days == 30 ? 30 : 7;
        model.addAttribute("groups", gaps.groups(d, LIMIT));
        model.addAttribute("days", d);
        return "faq/gaps";
    }
}
