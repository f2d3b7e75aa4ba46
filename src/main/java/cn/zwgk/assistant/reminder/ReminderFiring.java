package cn.zwgk.assistant.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zwgk.assistant.notification.StaffAlert;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffNotifier;

/**
 * A reminder firing: each recipient's notice (with a link that acknowledges it as that recipient),
 * and for a critical reminder the escalation to supervisors that {@link ReminderService} schedules,
 * in the same transaction.
 */
final class ReminderFiring {

    private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

    /** The escalation of a critical reminder, to schedule for the reminder's subject. */
    record Escalation(String subject, PlannedReminder reminder) {
    }

    private final ReminderRepository repository;
    private final StaffNotifier notifier;
    private final StaffRecipients recipients;
    private final ReminderProperties properties;
    private final Texts texts;
    private final AckLinks links;
    private final Clock clock;

    ReminderFiring(ReminderRepository repository, StaffNotifier notifier, StaffRecipients recipients,
                   ReminderProperties properties, Texts texts, AckLinks links, Clock clock) {
        this.repository = repository;
        this.notifier = notifier;
        this.recipients = recipients;
        this.properties = properties;
        this.texts = texts;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Marks the reminder fired and sends it to its recipients, unless it fired already or is an
     * escalation of a reminder that was acknowledged; the escalation to schedule when it is critical.
     */
    Optional<Escalation> fire(long id) {
        Optional<ReminderRepository.Row> found = repository.find(id);
        if (found.isEmpty() || !repository.markFired(id, clock.instant())) {
            return Optional.empty();
        }
        ReminderRepository.Row row = found.get();
        if (row.kind() == ReminderKind.ESCALATION && row.escalatesId() != null
                && repository.find(row.escalatesId()).map(ReminderRepository.Row::acknowledgedAt).isPresent()) {
            return Optional.empty();
        }
        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.zone()).format(row.fireAt());
        String body = texts.get("reminder.body", row.text(), Long.toString(id));
        int sent = 0;
        for (String openid : recipients.resolve(row.recipients())) {
            // each recipient's notice carries a link that acknowledges the reminder as that recipient
            StaffAlert alert = new StaffAlert(row.title(), body, Long.toString(id), time, links.url(id, openid), row.critical());
            sent += notifier.notify("reminder:" + id, List.of(openid), alert);
        }
        log.info("Reminder {} ({}) fired to {} recipients", id, row.kind(), sent);
        if (row.critical() && row.kind() != ReminderKind.ESCALATION) {
            return Optional.of(new Escalation(row.subject(), new PlannedReminder(ReminderKind.ESCALATION,
                    texts.get("reminder.escalation-title"), texts.get("reminder.escalation", row.text()),
                    List.of(StaffRecipients.ROLE_PREFIX + Role.SUPERVISOR.name()),
                    // Quartz's (system) time, not the Clock bean's: the escalation is a delay after this firing,
                    // and Quartz fired it and will fire the escalation on the system clock
                    Instant.now().plus(properties.acknowledgeWithin()), true)));
        }
        return Optional.empty();
    }
}
