package cn.zwgk.assistant.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.staff.StaffNotifier;

/**
 * Reminders for staff. Each is a row plus a Quartz trigger, created, replaced and cancelled in the
 * same transaction (Quartz's JDBC store joins the application's transactions). Firing marks the
 * row and enqueues the deliveries in one transaction, so a crash re-runs it and a delivery key
 * per reminder and recipient keeps each notice to one. Reminders go to staff only
 * ({@link StaffRecipients}). Statutory reminders (every kind but {@link ReminderKind#CUSTOM}) follow
 * their case's or incident's workflow; staff cancel them only as an administrator, with a reason,
 * audited ({@link #cancelByStaff}).
 */
@Service
public class ReminderService {

    static final int MAX_REASON = 500;

    private final ReminderRepository repository;
    private final ReminderScheduler scheduler;
    private final StaffRecipients recipients;
    private final Texts texts;
    private final AuditLog audit;
    private final ReminderFiring firing;
    private final Clock clock;

    ReminderService(ReminderRepository repository, ReminderScheduler scheduler, StaffNotifier notifier,
                    StaffRecipients recipients, ReminderProperties properties, Texts texts, AckLinks links,
                    AuditLog audit, Clock clock) {
        this.repository = repository;
        this.scheduler = scheduler;
        this.recipients = recipients;
        this.texts = texts;
        this.audit = audit;
        this.firing = new ReminderFiring(repository, notifier, recipients, properties, texts, links, clock);
        this.clock = clock;
    }

    /**
     * A one-off reminder set by staff, to staff only ({@link StaffRecipients#check}: a recipient
     * that is not staff is refused with {@link NotStaffRecipient}); it fires at the time given,
     * quiet hours or not.
     */
    @Transactional
    public Reminder createCustom(String text, List<String> to, OffsetDateTime at) {
        if (text == null || text.isBlank() || text.length() > 1000) {
            throw new IllegalArgumentException("text is required (at most 1000 characters)");
        }
        List<String> checked = recipients.check(to);
        if (at == null) {
            throw new IllegalArgumentException("at is required, e.g. 2026-12-01T09:00:00+08:00");
        }
        if (at.toInstant().isBefore(clock.instant().minusSeconds(60))) {
            throw new IllegalArgumentException("at is in the past");
        }
        PlannedReminder planned = new PlannedReminder(ReminderKind.CUSTOM, texts.get("reminder.custom-title"),
                text.strip(), checked, at.toInstant(), false);
        return get(add(null, planned, null)).orElseThrow();
    }

    /** Replaces the subject's pending reminders of these kinds with the planned ones, atomically. */
    @Transactional
    public List<Long> replaceForSubject(String subject, Collection<ReminderKind> kinds, List<PlannedReminder> planned) {
        for (ReminderRepository.Row row : repository.pending(subject)) {
            if (kinds.contains(row.kind())) {
                cancelRow(row.id());
            }
        }
        return planned.stream().map(p -> add(subject, p, null)).toList();
    }

    @Transactional
    public void cancelForSubject(String subject) {
        repository.pending(subject).forEach(row -> cancelRow(row.id()));
    }

    /** What became of a staff member's request to cancel a reminder. */
    public enum Cancel {
        CANCELLED,
        /** No such reminder, or it has fired or was cancelled already. */
        NOT_PENDING,
        /** A statutory reminder, and the caller is not an administrator. */
        STATUTORY,
        /** A statutory reminder, cancelled by an administrator without a reason (or with one over 500 characters). */
        REASON_REQUIRED
    }

    /**
     * Cancels a pending reminder at a staff member's request. A custom reminder: anyone who keeps
     * reminders. A statutory one (its case's or incident's workflow keeps it): only an administrator,
     * with a reason; the reminder and the reason go into the audit log.
     */
    @Transactional
    public Cancel cancelByStaff(long id, String actor, boolean admin, String reason) {
        Optional<ReminderRepository.Row> found = repository.find(id).filter(r -> r.status() == Reminder.Status.PENDING);
        if (found.isEmpty()) {
            return Cancel.NOT_PENDING;
        }
        boolean statutory = found.get().kind() != ReminderKind.CUSTOM;
        String why = reason == null ? "" : reason.strip();
        if (statutory && !admin) {
            return Cancel.STATUTORY;
        }
        if (statutory && (why.isEmpty() || why.length() > MAX_REASON)) {
            return Cancel.REASON_REQUIRED;
        }
        Reminder before = toReminder(found.get());
        if (!cancelRow(id)) {
            return Cancel.NOT_PENDING;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", Reminder.Status.CANCELLED);
        if (statutory) {
            after.put("reason", why);
        }
        audit.record(actor, statutory ? "REMINDER_STATUTORY_CANCELLED" : "REMINDER_CANCELLED", "reminder:" + id,
                before, after);
        return Cancel.CANCELLED;
    }

    public List<Reminder> pending(String subject) {
        return repository.pending(subject).stream().map(this::toReminder).toList();
    }

    public Optional<Reminder> get(long id) {
        return repository.find(id).map(this::toReminder);
    }

    /**
     * "收到 N", or the acknowledgement link: the reminder is acknowledged and its escalation will not
     * be sent. Idempotent: false when it was already acknowledged (the first acknowledger is kept).
     */
    @Transactional
    public boolean acknowledge(long id, String openid) {
        return repository.acknowledge(id, openid, clock.instant());
    }

    /** Called by the Quartz job: delivers the reminder ({@link ReminderFiring}) and schedules its escalation. */
    @Transactional
    public void fire(long id) {
        firing.fire(id).ifPresent(escalation -> add(escalation.subject(), escalation.reminder(), id));
    }

    private long add(String subject, PlannedReminder planned, Long escalates) {
        long id = repository.insert(subject, planned, escalates);
        scheduler.schedule(id, planned.fireAt());
        return id;
    }

    private boolean cancelRow(long id) {
        boolean cancelled = repository.cancel(id);
        scheduler.unschedule(id);
        return cancelled;
    }

    private Reminder toReminder(ReminderRepository.Row row) {
        Instant next = row.status() == Reminder.Status.PENDING ? scheduler.nextFireTime(row.id()) : null;
        return new Reminder(row.id(), row.subject(), row.kind(), row.title(), row.text(), row.recipients(), row.fireAt(),
                row.critical(), row.status(), next, row.acknowledgedAt());
    }
}
