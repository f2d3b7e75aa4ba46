package cn.zwgk.assistant.disclosure;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.zwgk.assistant.platform.AuditLog;

/**
 * The staff API for the files of a case's reply: attach (multipart, one or more parts named
 * {@code file}), list, fetch, and delete until the reply is sent. The reply action then sends them.
 */
@RestController
@RequestMapping("/api/disclosures/{trackingNo}/attachments")
class AttachmentController {

    private final CaseAttachments attachments;
    private final AttachmentRepository repository;
    private final AuditLog audit;

    AttachmentController(CaseAttachments attachments, AttachmentRepository repository, AuditLog audit) {
        this.attachments = attachments;
        this.repository = repository;
        this.audit = audit;
    }

    /** 201 with the files attached; 400 saying why when one is refused, and then none is attached. */
    @PostMapping
    ResponseEntity<List<CaseView.AttachmentEntry>> upload(@PathVariable String trackingNo,
                                                          @RequestPart("file") List<MultipartFile> files) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(attachments.upload(trackingNo, files, AuditLog.currentActor("staff")));
    }

    @GetMapping
    List<CaseView.AttachmentEntry> list(@PathVariable String trackingNo) {
        if (!repository.caseExists(trackingNo)) {
            throw new CaseNotFoundException(trackingNo);
        }
        return Attachment.entries(attachments.list(trackingNo));
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> file(@PathVariable String trackingNo, @PathVariable long id) {
        Attachment a = repository.find(trackingNo, id).orElseThrow(() -> new AttachmentNotFoundException(trackingNo, id));
        byte[] content = repository.content(id);
        audit.record(AuditLog.currentActor("staff"), "disclosure.download", trackingNo, null, a.entry());
        return AttachmentResponses.file(a, content);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String trackingNo, @PathVariable long id) {
        attachments.delete(trackingNo, id, AuditLog.currentActor("staff"));
        return ResponseEntity.noContent().build();
    }
}
