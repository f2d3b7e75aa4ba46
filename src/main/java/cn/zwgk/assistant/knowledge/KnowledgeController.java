package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Admin API of the knowledge base (under {@code /api}, so HTTP Basic with the ADMIN role). */
@RestController
@RequestMapping("/api/kb")
class KnowledgeController {

    private final KnowledgeService knowledge;

    KnowledgeController(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    record AskRequest(String question) {
    }

    @GetMapping("/search")
    Map<String, Object> search(@RequestParam("q") String q, @RequestParam(name = "k", defaultValue = "5") int k) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (SearchHit h : knowledge.search(q, k)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("documentId", h.documentId());
            r.put("title", h.title());
            r.put("issuer", h.issuer());
            r.put("publishedOn", h.publishedOn());
            r.put("docNumber", h.docNumber());
            r.put("section", h.section());
            r.put("text", h.text());
            r.put("score", Math.round(h.score() * 10000) / 10000.0);
            results.add(r);
        }
        return Map.of("results", results);
    }

    @PostMapping("/ask")
    Map<String, Object> ask(@RequestBody AskRequest request) {
        Answer answer = knowledge.ask(request.question());
        List<Map<String, Object>> citations = new ArrayList<>();
        for (SearchHit h : answer.citations()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("documentId", h.documentId());
            c.put("title", h.title());
            c.put("text", h.text());
            citations.add(c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answer", answer.text());
        out.put("grounded", answer.grounded());
        out.put("citations", citations);
        return out;
    }

    /**
     * Uploads one or more files. {@code needsInterpretation=true} marks them as policies that need a
     * published interpretation within 3 working days (reminders go to {@code department}'s staff).
     * 201 when every file was imported; 400 naming the files that could not be read (the others are imported).
     */
    @PostMapping("/documents")
    ResponseEntity<Object> upload(@RequestPart("file") List<MultipartFile> files,
            @RequestParam(name = "needsInterpretation", defaultValue = "false") boolean needsInterpretation,
            @RequestParam(name = "department", required = false) String department) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (MultipartFile file : files) {
            String name = baseName(file.getOriginalFilename());
            if (!DocumentParser.supported(name)) {
                return ResponseEntity.badRequest().body(Map.of("error", "unsupported file type: " + name));
            }
            contents.put(name, file.getBytes());
        }
        List<ImportResult> results = knowledge.importDocuments(contents, new ImportOptions(needsInterpretation, department));
        List<String> errors = results.stream().filter(ImportResult::failed).map(ImportResult::error).toList();
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", String.join("; ", errors), "documents", results));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("documents", results));
    }

    /** The file's own name: any folders a client sends with it ({@code ../../x.txt}) are dropped. */
    static String baseName(String original) {
        if (original == null || original.isBlank()) {
            return "upload.txt";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? "upload.txt" : name;
    }

    @GetMapping("/documents")
    Map<String, Object> documents() {
        return Map.of("documents", knowledge.documents());
    }

    @DeleteMapping("/documents/{id}")
    ResponseEntity<Void> delete(@PathVariable("id") long id) {
        return knowledge.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @PostMapping("/documents/{id}/repeal")
    ResponseEntity<Void> repeal(@PathVariable("id") long id) {
        return knowledge.repeal(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @PostMapping("/documents/{id}/supersede")
    ResponseEntity<Void> supersede(@PathVariable("id") long id) {
        return knowledge.supersede(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
