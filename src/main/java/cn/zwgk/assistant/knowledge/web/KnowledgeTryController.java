package cn.zwgk.assistant.knowledge.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.zwgk.assistant.knowledge.KnowledgeService;
import cn.zwgk.assistant.platform.Texts;

/**
 * 试问: asks the knowledge base as a citizen would and shows the answer with its citations and the
 * passages retrieved, with their scores (an htmx fragment; open to every role).
 */
@Controller
class KnowledgeTryController {

    static final int PASSAGES = 5;
    static final int MAX_QUESTION = 500;

    private final KnowledgeService knowledge;
    private final Texts texts;

    KnowledgeTryController(KnowledgeService knowledge, Texts texts) {
        this.knowledge = knowledge;
        this.texts = texts;
    }

    @PostMapping("/console/kb/try")
    String tryQuestion(@RequestParam(name = "question", required = false) String question, Model model) {
        String q = question == null ? "" : question.strip();
        model.addAttribute("question", q);
        if (q.isEmpty() || q.length() > MAX_QUESTION) {
            model.addAttribute("tryError", texts.get("console.kb.question-missing"));
            return "knowledge/kb-try :: result";
        }
        model.addAttribute("answer", knowledge.ask(q));
        model.addAttribute("passages", knowledge.search(q, PASSAGES));
        return "knowledge/kb-try :: result";
    }
}
