package cn.zwgk.assistant.disclosure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import cn.zwgk.assistant.platform.AuditLog;

/**
 * The files staff attach to a case before replying: checked whole before anything is stored, changed
 * only until the reply is sent, then sent with it ({@link #forReply}). Every change is audited and
 * put on the case's timeline.
 */
@Service
class CaseAttachments {

    /** Statuses in which the reply has not been sent yet. */
    private static final Set<CaseStatus> OPEN = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.ACCEPTED,
            CaseStatus.CORRECTION_REQUESTED, CaseStatus.EXTENDED, CaseStatus.CONSULTING);

    private final AttachmentRepository repository;
    private final CaseEvents events;
    private final AuditLog audit;
    private final DisclosureProperties.Attachments limits;
    private final Clock clock;

    CaseAttachments(AttachmentRepository repository, CaseEvents events, AuditLog audit, DisclosureProperties properties,
                    Clock clock) {
        this.repository = repository;
        this.events = events;
        this.audit = audit;
        this.limits = properties.attachments();
        this.clock = clock;
    }

    /** Attaches every file or, when one is refused, none. */
    @Transactional
    public List<CaseView.AttachmentEntry> upload(String trackingNo, List<MultipartFile> files, String actor) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("file: attach at least one file (multipart field 'file')");
        }
        record Checked(String name, FileType type, byte[] content, String sha256) {
        }
        List<Checked> checked = new ArrayList<>();
        Set<String> digests = new HashSet<>();
        for (MultipartFile file : files) {
            String name = AttachmentChecks.sanitiseName(file.getOriginalFilename());
            if (file.getSize() > limits.maxFileSize().toBytes()) {
                throw new IllegalArgumentException("'" + name + "' is " + file.getSize() + " bytes; a file may have at most "
                        + limits.maxFileSize().toBytes() + " bytes (" + limits.maxFileSize().toMegabytes() + " MB)");
            }
            byte[] content = bytes(file);
            FileType type = AttachmentChecks.check(name, content);
            String sha256 = AttachmentChecks.sha256(content);
            if (!digests.add(sha256)) {
                throw new IllegalArgumentException("'" + name + "' is the same file twice in this upload");
            }
            checked.add(new Checked(name, type, content, sha256));
        }
        CaseStatus status = lockOpenCase(trackingNo);
        List<Attachment> existing = repository.list(trackingNo);
        if (existing.size() + checked.size() > limits.maxFilesPerCase()) {
            throw new IllegalArgumentException("a case may carry at most " + limits.maxFilesPerCase() + " files; "
                    + trackingNo + " has " + existing.size() + ", this upload adds " + checked.size());
        }
        for (Attachment a : existing) {
            if (digests.contains(a.sha256())) {
                throw new IllegalArgumentException("this file is already attached to " + trackingNo + " as '" + a.name() + "'");
            }
        }
        Instant now = clock.instant();
        List<Attachment> added = new ArrayList<>();
        for (Checked c : checked) {
            long id = repository.insert(trackingNo, c.name(), c.type(), c.content(), c.sha256(), actor, now);
            added.add(new Attachment(id, trackingNo, c.name(), c.type().contentType(), c.content().length, c.sha256(),
                    actor, now, null));
        }
        events.add(trackingNo, actor, "attach", status, status, Attachment.names(added));
        audit.record(actor, "disclosure.attach", trackingNo, null, Attachment.entries(added));
        return Attachment.entries(added);
    }

    /** Removes a file attached by mistake; only before the reply is sent. */
    @Transactional
    public void delete(String trackingNo, long id, String actor) {
        CaseStatus status = lockOpenCase(trackingNo);
        Attachment a = repository.find(trackingNo, id)
                .orElseThrow(() -> new AttachmentNotFoundException(trackingNo, id));
        repository.delete(id);
        events.add(trackingNo, actor, "detach", status, status, a.name());
        audit.record(actor, "disclosure.detach", trackingNo, a.entry(), null);
    }

    List<Attachment> list(String trackingNo) {
        return repository.list(trackingNo);
    }

    /**
     * The files a reply sends: all attached ones, or those of {@code request.attachmentIds()}. Locks
     * the case first (run it inside the reply's transaction) so no upload or deletion slips in between.
     */
    List<Attachment> forReply(String trackingNo, ActionRequest request) {
        repository.lockCase(trackingNo).orElseThrow(() -> new CaseNotFoundException(trackingNo));
        List<Attachment> all = repository.list(trackingNo).stream().filter(a -> a.sentAt() == null).toList();
        if (request == null || request.attachmentIds() == null) {
            return all;
        }
        Map<Long, Attachment> byId = new LinkedHashMap<>();
        all.forEach(a -> byId.put(a.id(), a));
        List<Attachment> chosen = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(request.attachmentIds())) {
            Attachment a = id == null ? null : byId.get(id);
            if (a == null) {
                throw new IllegalArgumentException("attachmentIds: " + id + " is not an attachment of " + trackingNo
                        + " (attached: " + byId.keySet() + ")");
            }
            chosen.add(a);
        }
        return chosen;
    }

    void markSent(List<Attachment> attachments, Instant at) {
        repository.markSent(attachments, at);
    }

    private CaseStatus lockOpenCase(String trackingNo) {
        CaseStatus status = repository.lockCase(trackingNo).orElseThrow(() -> new CaseNotFoundException(trackingNo));
        if (!OPEN.contains(status)) {
            throw new IllegalTransitionException("the attachments of " + trackingNo + " cannot change: it is " + status
                    + " (the reply has been sent)");
        }
        return status;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
