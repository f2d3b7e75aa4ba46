package cn.zwgk.assistant.faq.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zwgk.assistant.faq.StandardAnswer;
import cn.zwgk.assistant.faq.StandardAnswerCsv;
import cn.zwgk.assistant.faq.StandardAnswerDraft;
import cn.zwgk.assistant.faq.StandardAnswers;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * 标准问答: the standard answers with their versions, the form to write one (from a gap's question, or
 * as a new version), approval by someone else (SUPERVISOR, ADMIN) with the choice to send it to who
 * asked, withdrawal, and CSV export and import (imported rows wait for approval like written ones).
 */
@Controller
class FaqConsoleController {


    static final long MAX_CSV_BYTES = 1_000_000;

    private final StandardAnswers answers;
    private final Texts texts;
    private final Clock clock;

    FaqConsoleController(StandardAnswers answers, Texts texts, Clock clock) {
        this.answers = answers;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/console/faq")
    String list(@RequestParam(defaultValue = "") String question, @RequestParam(required = false) Long lineage,
                Model model) {
        StandardAnswer base = lineage == null ? null : answers.find(lineage).orElse(null);
        model.addAttribute("answers", answers.all());
        model.addAttribute("form", base == null
                ? new Form(null, question, "", "", "", OfficeTime.today(clock).toString(), "")
                : new Form(base.lineage(), base.question(), String.join("\n", base.phrasings()), base.answer(),
                        base.source(), base.validFrom().toString(), base.validUntil() == null ? "" : base.validUntil().toString()));
        return "faq/faq";
    }

    @PostMapping("/console/faq")
    String write(@RequestParam(required = false) Long lineage, @RequestParam(defaultValue = "") String question,
                 @RequestParam(defaultValue = "") String phrasings, @RequestParam(defaultValue = "") String answer,
                 @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String validFrom,
                 @RequestParam(defaultValue = "") String validUntil, Authentication user, RedirectAttributes flash) {
        StandardAnswerDraft draft;
        try {
            draft = new StandardAnswerDraft(question.strip(), Arrays.stream(phrasings.split("\n")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList(), answer.strip(), source.strip(),
                    LocalDate.parse(validFrom.strip()), validUntil.isBlank() ? null : LocalDate.parse(validUntil.strip()));
        } catch (DateTimeParseException e) {
            flash.addFlashAttribute("error", texts.get("console.faq.validity"));
            return "redirect:/console/faq";
        }
        String problem = draft.problem();
        if (problem != null) {
            flash.addFlashAttribute("error", texts.get(problem));
            return "redirect:/console/faq";
        }
        long id = answers.write(lineage, draft, user.getName());
        flash.addFlashAttribute("ok", texts.get("console.faq.written", Long.toString(id)));
        return "redirect:/console/faq";
    }

    @PostMapping("/console/faq/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(defaultValue = "false") boolean push, Authentication user,
                   RedirectAttributes flash) {
        StandardAnswers.Approved result = answers.approve(id, user.getName(), push);
        switch (result.outcome()) {
            case APPROVED -> flash.addFlashAttribute("ok", texts.get(push ? "console.faq.approved-sent" : "console.faq.approved",
                    Long.toString(id), Integer.toString(result.sent())));
            case SELF_APPROVAL -> flash.addFlashAttribute("error", texts.get("console.faq.self-approval"));
            case NOT_PENDING -> flash.addFlashAttribute("error", texts.get("console.faq.not-pending", Long.toString(id)));
        }
        return "redirect:/console/faq";
    }

    @PostMapping("/console/faq/{id}/withdraw")
    String withdraw(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        boolean done = answers.withdraw(id, user.getName());
        flash.addFlashAttribute(done ? "ok" : "error",
                texts.get(done ? "console.faq.withdrawn" : "console.faq.not-pending", Long.toString(id)));
        return "redirect:/console/faq";
    }

    @GetMapping("/console/faq/export")
    ResponseEntity<byte[]> export() {
        byte[] csv = ("\uFEFF" + StandardAnswerCsv.write(answers.all())).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"standard-answers.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
    }

    @PostMapping("/console/faq/import")
    String importCsv(@RequestParam("file") MultipartFile file, Authentication user, RedirectAttributes flash)
            throws java.io.IOException {
        if (file.isEmpty() || file.getSize() > MAX_CSV_BYTES) {
            flash.addFlashAttribute("error", texts.get("console.faq.csv-file"));
            return "redirect:/console/faq";
        }
        StandardAnswerCsv.Read read = StandardAnswerCsv.read(new String(file.getBytes(), StandardCharsets.UTF_8),
                OfficeTime.today(clock));
        read.drafts().forEach(d -> answers.write(null, d, user.getName()));
        List<String> problems = read.problems().stream()
                .map(p -> texts.get("console.faq.csv-problem", Long.toString(p.row()), texts.get(p.key()))).toList();
        flash.addFlashAttribute(read.drafts().isEmpty() ? "error" : "ok",
                texts.get("console.faq.imported", Integer.toString(read.drafts().size()))
                        + (problems.isEmpty() ? "" : " " + String.join("；", problems)));
        return "redirect:/console/faq";
    }

    /** The form as shown: a new answer, one prefilled from a gap, or a new version of {@code lineage}. */
    record Form(Long lineage, String question, String phrasings, String answer, String source, String validFrom,
                String validUntil) {
    }
}
