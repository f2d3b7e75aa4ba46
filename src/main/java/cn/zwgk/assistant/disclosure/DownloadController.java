package cn.zwgk.assistant.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * The applicant's downloads, outside {@code /api/**} and without login: the signed link in the
 * reply notice opens a page listing the files the reply sent, each behind its own signed link.
 * A forged or altered token gets 403, an expired one 410, and nothing is served; every file served
 * is audited. Only files a reply has sent can be reached.
 */
@RestController
class DownloadController {

    private static final Logger log = LoggerFactory.getLogger(DownloadController.class);

    private final DownloadTokens tokens;
    private final AttachmentRepository attachments;
    private final AuditLog audit;
    private final Texts texts;
    private final ITemplateEngine templates;

    DownloadController(DownloadTokens tokens, AttachmentRepository attachments, AuditLog audit, Texts texts,
                       ITemplateEngine templates) {
        this.tokens = tokens;
        this.attachments = attachments;
        this.audit = audit;
        this.texts = texts;
        this.templates = templates;
    }

    @GetMapping("/files/{token}")
    ResponseEntity<byte[]> download(@PathVariable String token) {
        DownloadTokens.Grant grant;
        try {
            grant = tokens.verify(token);
        } catch (DownloadTokens.Refused e) {
            log.info("Refused a download: {}", e.getMessage());
            return e.expired ? message(HttpStatus.GONE, "expired") : message(HttpStatus.FORBIDDEN, "forbidden");
        }
        List<Attachment> sent = attachments.list(grant.trackingNo()).stream().filter(a -> a.sentAt() != null).toList();
        if (grant.attachmentId() == DownloadTokens.PAGE) {
            return sent.isEmpty() ? message(HttpStatus.NOT_FOUND, "not-found") : page(grant, sent);
        }
        Optional<Attachment> file = sent.stream().filter(a -> a.id() == grant.attachmentId()).findFirst();
        if (file.isEmpty()) {
            return message(HttpStatus.NOT_FOUND, "not-found");
        }
        byte[] content = attachments.content(file.get().id());
        audit.record("download-link", "disclosure.download", grant.trackingNo(), null, file.get().entry());
        return AttachmentResponses.file(file.get(), content);
    }

    private ResponseEntity<byte[]> page(DownloadTokens.Grant grant, List<Attachment> sent) {
        List<Map<String, String>> files = sent.stream().map(a -> {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("name", a.name());
            f.put("size", size(a.size()));
            f.put("sha256", a.sha256());
            // relative to this page's /files/ path, so it works behind any proxy prefix
            f.put("href", tokens.issue(a.id(), grant.trackingNo(), grant.expiresAt()));
            return f;
        }).toList();
        Context model = new Context();
        model.setVariable("title", text("title"));
        model.setVariable("intro", text("intro", grant.trackingNo(),
                DialogReplies.date(grant.expiresAt().atZone(OfficeTime.ZONE).toLocalDate())));
        model.setVariable("hint", text("hint"));
        model.setVariable("download", text("download"));
        model.setVariable("sha256", text("sha256"));
        model.setVariable("files", files);
        return AttachmentResponses.html(HttpStatus.OK, templates.process("disclosure/files", model));
    }

    private ResponseEntity<byte[]> message(HttpStatus status, String key) {
        return AttachmentResponses.text(status, text(key));
    }

    private String text(String key, Object... args) {
        return texts.get("disclosure.download." + key, args);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format("%.1f KB", bytes / 1024.0) : String.format("%.1f MB", bytes / 1048576.0);
    }
}
