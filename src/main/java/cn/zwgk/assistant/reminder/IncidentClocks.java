package cn.zwgk.assistant.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.opinion.IncidentOpened;
import cn.zwgk.assistant.opinion.Milestone;
import cn.zwgk.assistant.opinion.MilestoneCompleted;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * The response clocks of public-opinion incidents as reminders: alerts to the responsible officer
 * and all communications officers before and at each deadline (critical: quiet hours do not hold
 * them back), and at the deadline an escalation to the leaders. Recording the milestone as done
 * cancels them. The listeners run in the transaction that opened the incident or recorded the milestone.
 */
@Component
class IncidentClocks {

    static final List<String> OFFICERS = List.of("role:COMMS");
    static final List<String> LEADERS = List.of("role:SUPERVISOR");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(OfficeTime.ZONE);

    private final ReminderService reminders;
    private final Texts texts;

    IncidentClocks(ReminderService reminders, Texts texts) {
        this.reminders = reminders;
        this.texts = texts;
    }

    static String subject(long incidentId, String milestone) {
        return "incident:" + incidentId + ":" + milestone;
    }

    /*
     * Both incident listeners stay synchronous, in the publisher's transaction: an incident and its clocks
     * commit together, and a milestone completed at once must not see its clock planned after the cancel.
     */
    @EventListener
    void onOpened(IncidentOpened opened) {
        List<String> officers = new ArrayList<>();
        if (opened.responsible() != null) {
            officers.add(opened.responsible());
        }
        officers.addAll(OFFICERS);
        String title = texts.get("reminder.title.INCIDENT_CLOCK");
        String id = Long.toString(opened.id());
        for (int i = 0; i < opened.milestones().size(); i++) {
            Milestone m = opened.milestones().get(i);
            String what = texts.get("reminder.milestone." + m.name());
            String due = TIME.format(m.dueAt());
            List<PlannedReminder> planned = new ArrayList<>();
            for (Instant at : opened.alertsAt().get(i)) {
                String text = at.equals(m.dueAt()) ? texts.get("reminder.incident-due", id, opened.title(), what, due)
                        : texts.get("reminder.incident-before", id, opened.title(), what, due, left(at, m.dueAt()));
                planned.add(new PlannedReminder(ReminderKind.INCIDENT_CLOCK, title, text, officers, at, true));
            }
            planned.add(new PlannedReminder(ReminderKind.ESCALATION, texts.get("reminder.incident-breach-title"),
                    texts.get("reminder.incident-breach", id, opened.title(), what, due), LEADERS,
                    m.dueAt().plusSeconds(1), true));
            reminders.replaceForSubject(subject(opened.id(), m.name()),
                    List.of(ReminderKind.INCIDENT_CLOCK, ReminderKind.ESCALATION), planned);
        }
    }

    @EventListener
    void onCompleted(MilestoneCompleted completed) {
        reminders.cancelForSubject(subject(completed.incidentId(), completed.name()));
    }

    private static String left(Instant at, Instant due) {
        Duration d = Duration.between(at, due);
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        return hours > 0 ? hours + "小时" + (minutes > 0 ? minutes + "分钟" : "") : Math.max(1, d.toMinutes()) + "分钟";
    }
}
