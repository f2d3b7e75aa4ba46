package cn.zwgk.assistant.knowledge.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import cn.zwgk.assistant.knowledge.ImportOptions;
import cn.zwgk.assistant.knowledge.ImportResult;
import cn.zwgk.assistant.knowledge.KnowledgeDocument;
import cn.zwgk.assistant.knowledge.KnowledgeService;
import cn.zwgk.assistant.knowledge.MetadataEdit;
import cn.zwgk.assistant.platform.Texts;

/**
 * 知识库: the documents with their metadata, status and passages; upload, correct the metadata,
 * repeal, rebuild the index (ADMIN only, by {@code AccessRules}). Trying a question is {@link KnowledgeTryController}.
 */
@Controller
class KnowledgeConsoleController {

    private static final String SUPPORTED = ".*\\.(txt|text|md|html?|docx|pdf)$";

    private final KnowledgeService knowledge;
    private final Texts texts;
    private final MessageSource messages;

    KnowledgeConsoleController(KnowledgeService knowledge, Texts texts, MessageSource messages) {
        this.knowledge = knowledge;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping("/console/kb")
    String list(Model model) {
        List<KnowledgeDocument> documents = knowledge.documents();
        model.addAttribute("documents", documents);
        model.addAttribute("chunkTotal", documents.stream().mapToInt(KnowledgeDocument::chunks).sum());
        return "knowledge/kb";
    }

    @PostMapping("/console/kb/upload")
    String upload(@RequestParam(name = "file", required = false) List<MultipartFile> files,
                  @RequestParam(name = "needsInterpretation", defaultValue = "false") boolean needsInterpretation,
                  @RequestParam(name = "department", required = false) String department, RedirectAttributes flash) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            String name = baseName(file.getOriginalFilename());
            if (!name.toLowerCase(Locale.ROOT).matches(SUPPORTED)) {
                flash.addFlashAttribute("error", texts.get("console.kb.unsupported", name));
                return "redirect:/console/kb";
            }
            contents.put(name, bytes(file));
        }
        if (contents.isEmpty()) {
            flash.addFlashAttribute("error", texts.get("console.kb.no-files"));
            return "redirect:/console/kb";
        }
        List<ImportResult> results = knowledge.importDocuments(contents, new ImportOptions(needsInterpretation, department));
        List<ImportResult> imported = results.stream().filter(r -> !r.failed()).toList();
        List<ImportResult> failed = results.stream().filter(ImportResult::failed).toList();
        if (!imported.isEmpty()) {
            flash.addFlashAttribute("ok", texts.get("console.kb.uploaded", imported.size(), imported.stream()
                    .map(r -> "《" + r.title() + "》" + messages.getMessage("kb.outcome." + r.outcome(), null, LocaleContextHolder.getLocale()))
                    .collect(Collectors.joining("；"))));
        }
        if (!failed.isEmpty()) {
            flash.addFlashAttribute("error", texts.get("console.kb.upload-failed",
                    failed.stream().map(r -> r.file() + "（" + r.error() + "）").collect(Collectors.joining("；"))));
        }
        return "redirect:/console/kb";
    }

    @GetMapping("/console/kb/{id}/edit")
    String editForm(@PathVariable long id, Model model, HttpServletResponse response) {
        return knowledge.document(id).map(d -> {
            model.addAttribute("document", d);
            model.addAttribute("form", new MetadataEdit(d.title(), d.issuer(), d.docNumber(), d.publishedOn(), d.indexNo()));
            model.addAttribute("problems", Map.of());
            return "knowledge/kb-edit";
        }).orElseGet(() -> notFound(id, model, response));
    }

    @PostMapping("/console/kb/{id}/edit")
    String edit(@PathVariable long id, MetadataEdit form, Model model, HttpServletResponse response,
                RedirectAttributes flash) {
        KnowledgeDocument document = knowledge.document(id).orElse(null);
        if (document == null) {
            return notFound(id, model, response);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        form.problems().forEach((field, problem) -> problems.put(field, texts.get("console.kb.invalid." + problem)));
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("document", document);
            model.addAttribute("form", form);
            model.addAttribute("problems", problems);
            return "knowledge/kb-edit";
        }
        knowledge.editMetadata(id, form);
        flash.addFlashAttribute("ok", texts.get("console.kb.saved", form.title()));
        return "redirect:/console/kb";
    }

    @PostMapping("/console/kb/{id}/repeal")
    String repeal(@PathVariable long id, RedirectAttributes flash) {
        KnowledgeDocument document = knowledge.document(id).orElse(null);
        if (document == null || !knowledge.repeal(id)) {
            flash.addFlashAttribute("error", texts.get("console.kb.not-found", id));
        } else {
            flash.addFlashAttribute("ok", texts.get("console.kb.repealed", document.title()));
        }
        return "redirect:/console/kb";
    }

    @PostMapping("/console/kb/reindex")
    String reindex(RedirectAttributes flash) {
        flash.addFlashAttribute("ok", texts.get("console.kb.reindexed", knowledge.reindex()));
        return "redirect:/console/kb";
    }

    private String notFound(long id, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("error", texts.get("console.kb.not-found", id));
        return list(model);
    }

    /** The file's own name: any folders a client sends with it are dropped. */
    static String baseName(String original) {
        String name = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'),
                original.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? "upload.txt" : name;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
