package cn.zwgk.assistant.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * Disclosure cases: intake (online by conversation, or registered by staff with their own receipt
 * date), the workflow actions, and queries. Every change is audited and published as an event
 * ({@link DisclosureSubmitted}, {@link DisclosureStatusChanged}, {@link DisclosureDeadlineChanged}).
 * A new case takes its tracking number in a short transaction of its own before the transaction
 * that stores it, so that concurrent submissions do not queue on the counter (see {@link TrackingNumbers}).
 */
@Service
public class DisclosureService {


    private final CaseRepository cases;
    private final CaseEvents events;
    private final TrackingNumbers trackingNumbers;
    private final CaseWorkflow workflow;
    private final CaseAttachments attachments;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;
    private final SubmissionGate gate;
    private final Clock clock;

    DisclosureService(CaseRepository cases, CaseEvents events, TrackingNumbers trackingNumbers, CaseWorkflow workflow,
                      CaseAttachments attachments, Deadlines deadlines, AuditLog audit, ApplicationEventPublisher publisher,
                      TransactionTemplate transaction, SubmissionGate gate, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.trackingNumbers = trackingNumbers;
        this.workflow = workflow;
        this.attachments = attachments;
        this.deadlines = deadlines;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
        this.gate = gate;
        this.clock = clock;
    }

    /** Registers a letter, visit or fax received on {@code receivedOn}. */
    public CaseView register(DisclosureRequest application, IntakeChannel channel, LocalDate receivedOn, String actor) {
        if (channel == IntakeChannel.ONLINE) {
            throw new IllegalArgumentException("channel: staff register LETTER, VISIT or FAX");
        }
        if (receivedOn.isAfter(today())) {
            throw new IllegalArgumentException("receivedOn: the date of receipt cannot be in the future");
        }
        return gate.forStaff(() -> {
            String trackingNo = trackingNumbers.next(receivedOn.getYear());
            return transaction.execute(s -> create(trackingNo, application, channel, receivedOn, null, null, null, actor));
        });
    }

    /**
     * What is wrong with an application staff are about to register (Art. 29): field → the key
     * under {@code disclosure.invalid} of the text that says so; empty when it is complete.
     */
    public Map<String, String> problems(DisclosureRequest application) {
        return ApplicationChecks.check(application.normalised(), today());
    }

    /** Attaches files to the case's reply: every file or, when one is refused, none. */
    public List<CaseView.AttachmentEntry> attach(String trackingNo, List<MultipartFile> files, String actor) {
        return attachments.upload(trackingNo, files, actor);
    }

    /**
     * Stores an application confirmed in the conversation; receipt is today (the day the system
     * confirms it). Confirming the same draft again returns the case already stored; confirming it
     * twice at once makes one of them fail with {@link ConcurrentSubmissionException}. When every
     * submission slot stays taken for {@code disclosure.submission-wait}, nothing is stored and it
     * fails with {@link SubmissionsBusyException}.
     */
    public CaseView submitOnline(String draftId, String appId, String openid, DisclosureRequest application) {
        Optional<DisclosureCase> existing = cases.findByDraft(draftId);
        if (existing.isPresent()) {
            return CaseView.of(existing.get(), List.of());
        }
        LocalDate receivedOn = today();
        return gate.forCitizen(() -> {
            String trackingNo = trackingNumbers.next(receivedOn.getYear());
            return transaction.execute(s -> create(trackingNo, application, IntakeChannel.ONLINE, receivedOn, draftId,
                    appId, openid, "applicant"));
        });
    }

    /** Whether {@code draftId} was already submitted (concurrent confirmations lose the race to the first). */
    public Optional<CaseView> findByDraft(String draftId) {
        return cases.findByDraft(draftId).map(c -> CaseView.of(c, List.of()));
    }

    @Transactional
    public CaseView act(String trackingNo, String action, ActionRequest request, String actor) {
        // a reply sends the case's attachments (the notice links to them; see ReplyNotice)
        List<Attachment> sent = "reply".equals(action) ? attachments.forReply(trackingNo, request) : List.of();
        DisclosureCase c = cases.find(trackingNo).orElseThrow(() -> new CaseNotFoundException(trackingNo));
        CaseView before = CaseView.of(c, List.of());
        CaseStatus from = c.status;
        LocalDate previousDue = c.dueOn;
        String note = workflow.apply(c, action, request, today());
        c.updatedAt = clock.instant();
        cases.update(c);
        attachments.markSent(sent, c.updatedAt);
        String detail = sent.isEmpty() ? note : note + "\nattachments: " + Attachment.names(sent);
        events.add(trackingNo, actor, action, from, c.status, detail.isBlank() ? null : detail);
        CaseView after = CaseView.of(c, List.of(), Attachment.entries(sent));
        audit.record(actor, "disclosure." + action, trackingNo, before, after);
        publisher.publishEvent(new DisclosureStatusChanged(trackingNo, c.appId, c.openid, from, c.status, action,
                c.version, c.dueOn, note));
        if (!c.dueOn.equals(previousDue)) {
            publisher.publishEvent(new DisclosureDeadlineChanged(trackingNo, c.appId, c.openid, previousDue, c.dueOn, action));
        }
        return after;
    }

    public Optional<CaseView> find(String trackingNo) {
        return cases.find(trackingNo).map(c -> CaseView.of(c, events.timeline(trackingNo),
                Attachment.entries(attachments.list(trackingNo))));
    }

    public List<CaseView> list(CaseStatus status, String openid) {
        return cases.list(status, null, openid, 500).stream().map(c -> CaseView.of(c, List.of())).toList();
    }

    /** The applicant's own cases, newest first. */
    public List<CaseView> forApplicant(String appId, String openid, int limit) {
        return cases.list(null, appId, openid, limit).stream().map(c -> CaseView.of(c, List.of())).toList();
    }

    /** The applicant's cases still being handled (neither closed nor withdrawn), newest first. */
    public List<CaseView> openForApplicant(String appId, String openid, int limit) {
        return forApplicant(appId, openid, 50).stream().filter(c -> !CaseStatus.valueOf(c.status()).isFinal())
                .limit(limit).toList();
    }

    LocalDate today() {
        return OfficeTime.today(clock);
    }

    private CaseView create(String trackingNo, DisclosureRequest application, IntakeChannel channel, LocalDate receivedOn,
                            String draftId, String appId, String openid, String actor) {
        DisclosureCase c = new DisclosureCase();
        c.trackingNo = trackingNo;
        c.draftId = draftId;
        c.appId = appId;
        c.openid = openid;
        c.channel = channel;
        c.application = application;
        c.status = CaseStatus.RECEIVED;
        c.receivedOn = receivedOn;
        c.clockStartOn = receivedOn;
        c.createdAt = clock.instant();
        c.updatedAt = c.createdAt;
        deadlines.recompute(c);
        try {
            cases.insert(c);
        } catch (DuplicateKeyException e) {
            throw new ConcurrentSubmissionException(draftId, e);
        }
        events.add(c.trackingNo, actor, "submit", null, c.status, channel.name());
        CaseView view = CaseView.of(c, List.of());
        audit.record(actor, "disclosure.submit", c.trackingNo, null, view);
        publisher.publishEvent(new DisclosureSubmitted(c.trackingNo, appId, openid, channel, receivedOn, c.dueOn));
        return view;
    }
}
