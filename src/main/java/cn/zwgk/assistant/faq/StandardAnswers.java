package cn.zwgk.assistant.faq;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.wechat.Account;
import cn.zwgk.assistant.wechat.AccountRegistry;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * 标准问答: staff answer a question once for everyone. A version is written (PENDING), approved by
 * someone else (SUPERVISOR or ADMIN, checked by the console's access rules), and from then on answers
 * matching questions ahead of retrieval while it is in force; a new version supersedes it when
 * approved; withdrawal stops it at once. On approval, staff may send it to the citizens who asked a
 * matching question within {@code faq.push-window}, as customer-service messages through the outbox.
 */
@Service
public class StandardAnswers {


    /** What approving led to. */
    public enum Approval { APPROVED, SELF_APPROVAL, NOT_PENDING }

    /** The outcome of an approval, and to how many citizens the answer was sent. */
    public record Approved(Approval outcome, int sent) {
    }

    private final StandardAnswerRepository repository;
    private final StandardAnswerCatalog catalog;
    private final GapRepository gaps;
    private final OutboxService outbox;
    private final AccountRegistry accounts;
    private final AuditLog audit;
    private final Texts texts;
    private final FaqProperties properties;
    private final Clock clock;

    StandardAnswers(StandardAnswerRepository repository, StandardAnswerCatalog catalog, GapRepository gaps,
                    OutboxService outbox, AccountRegistry accounts, AuditLog audit, Texts texts,
                    FaqProperties properties, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.gaps = gaps;
        this.outbox = outbox;
        this.accounts = accounts;
        this.audit = audit;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    public List<StandardAnswer> all() {
        return repository.all();
    }

    public Optional<StandardAnswer> find(long id) {
        return repository.find(id);
    }

    /** A new standard answer, or a new version of {@code lineage}; PENDING until approved. */
    @Transactional
    public long write(Long lineage, StandardAnswerDraft draft, String by) {
        long id = repository.insert(lineage, draft, by, clock.instant());
        audit.record(by, "faq.write", "faq:" + id, null, draft.question());
        return id;
    }

    /**
     * Approves a pending version, superseding the lineage's approved one; with {@code push}, sends it to
     * who asked a matching question recently.
     */
    @Transactional
    public Approved approve(long id, String by, boolean push) {
        Optional<StandardAnswer> a = repository.find(id);
        if (a.isEmpty() || a.get().status() != StandardAnswer.Status.PENDING) {
            return new Approved(Approval.NOT_PENDING, 0);
        }
        if (a.get().createdBy().equals(by)) {
            return new Approved(Approval.SELF_APPROVAL, 0);
        }
        if (!repository.transition(id, StandardAnswer.Status.PENDING, StandardAnswer.Status.APPROVED, by, clock.instant())) {
            return new Approved(Approval.NOT_PENDING, 0);
        }
        for (long older : repository.otherApproved(a.get().lineage(), id)) {
            repository.transition(older, StandardAnswer.Status.APPROVED, StandardAnswer.Status.SUPERSEDED, by, clock.instant());
        }
        catalog.invalidate();
        audit.record(by, "faq.approve", "faq:" + id, null, push ? "push" : null);
        return new Approved(Approval.APPROVED, push ? push(repository.find(id).orElseThrow()) : 0);
    }

    @Transactional
    public boolean withdraw(long id, String by) {
        boolean done = repository.transition(id, StandardAnswer.Status.APPROVED, StandardAnswer.Status.WITHDRAWN, by,
                clock.instant())
                || repository.transition(id, StandardAnswer.Status.PENDING, StandardAnswer.Status.WITHDRAWN, by,
                clock.instant());
        if (done) {
            catalog.invalidate();
            audit.record(by, "faq.withdraw", "faq:" + id, null, null);
        }
        return done;
    }

    /** The answer a citizen gets for the question, when a standard answer in force matches it. */
    public Optional<String> answer(String question) {
        return catalog.match(question).map(this::text);
    }

    String text(StandardAnswer a) {
        return texts.get("faq.answer", a.answer(), a.source());
    }

    /** Sends the answer once to each citizen who asked a matching question within the push window. */
    private int push(StandardAnswer a) {
        List<StandardAnswerCatalog.Wording> wordings = catalog.wordingsOf(a);
        LocalDate today = OfficeTime.today(clock);
        Set<String> reached = new LinkedHashSet<>();
        for (GapRepository.Row gap : gaps.since(clock.instant().minus(properties.pushWindow()), KnowledgeGaps.MAX_ROWS)) {
            boolean canSend = accounts.find(gap.appId()).map(Account::customerService).orElse(false);
            if (canSend && catalog.best(gap.vector(), gap.question(), wordings, today).isPresent()
                    && reached.add(gap.appId() + "|" + gap.openid())) {
                outbox.enqueue(OutboundMessage.customerService("faq:" + a.id() + ":" + gap.appId() + ":" + gap.openid(),
                        gap.appId(), gap.openid(), texts.get("faq.push", gap.question(), text(a))));
            }
        }
        return reached.size();
    }
}
