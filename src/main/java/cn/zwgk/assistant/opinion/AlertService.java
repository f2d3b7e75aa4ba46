package cn.zwgk.assistant.opinion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zwgk.assistant.notification.StaffAlert;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffNotifier;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * Early-warning alerts: raised once per burst (the topic id is unique, so two instances seeing the
 * same burst store one alert), sent to every bound communications officer, then confirmed into an
 * incident or dismissed.
 */
@Service
public class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final JdbcClient jdbc;
    private final StaffNotifier notifier;
    private final IncidentService incidents;
    private final TopicWindow window;
    private final Askers askers;
    private final Texts texts;
    private final Clock clock;

    AlertService(JdbcClient jdbc, StaffNotifier notifier, IncidentService incidents, TopicWindow window, Askers askers,
                 Texts texts, Clock clock) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.incidents = incidents;
        this.window = window;
        this.askers = askers;
        this.texts = texts;
        this.clock = clock;
    }

    @Transactional
    Long raise(TopicWindow.Observation o) {
        String summary = o.samples().isEmpty() ? o.leader() : o.samples().get(0);
        summary = summary.length() > 60 ? summary.substring(0, 60) + "…" : summary;
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("insert into opinion_alert (topic, summary, users, samples, alarm_words, status, raised_at) "
                        + "values (?, ?, ?, ?, ?, 'PENDING', ?) on conflict do nothing")
                .params(o.topicId(), summary, o.users(), String.join("\n", o.samples()), String.join(",", o.alarmWords()),
                        Timestamp.from(clock.instant()))
                .update(keys, "id");
        if (inserted == 0 || keys.getKey() == null) {
            return null;
        }
        long id = keys.getKey().longValue();
        String alarm = o.alarmWords().isEmpty() ? "" : texts.get("opinion.alert-alarm", String.join("、", o.alarmWords()));
        StaffAlert alert = new StaffAlert(texts.get("opinion.alert-title"),
                texts.get("opinion.alert-body", summary, Integer.toString(o.users()), alarm,
                        String.join("\n", o.samples()), Long.toString(id)),
                "#" + id, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(OfficeTime.ZONE)
                        .format(clock.instant()), null, true);
        int sent = notifier.notifyRole("opinion-alert:" + id, Role.COMMS, alert);
        log.info("Early-warning alert #{}: {} users on one topic, sent to {} officers", id, o.users(), sent);
        return id;
    }

    public List<OpinionAlert> all() {
        return jdbc.sql("select * from opinion_alert order by id desc").query(AlertService::alert).list();
    }

    public Optional<OpinionAlert> find(long id) {
        return jdbc.sql("select * from opinion_alert where id = ?").param(id).query(AlertService::alert).optional();
    }

    /** Confirms the alert as an incident; the citizens of the burst will receive its 口径. */
    @Transactional
    public Incident confirm(long alertId, Severity severity, String title, String by, String responsible) {
        OpinionAlert alert = pending(alertId);
        String name = title == null || title.isBlank() ? alert.summary() : title.strip();
        Incident incident = incidents.open(name, severity, List.of(), by, responsible, alertId);
        decide(alertId, OpinionAlert.Status.CONFIRMED, by, incident.id());
        Instant now = clock.instant();
        for (String member : window.users(alert.topic())) {
            int bar = member.indexOf('|');
            if (bar > 0) {
                askers.asked(incident.id(), member.substring(0, bar), member.substring(bar + 1), now);
            }
        }
        return incident;
    }

    @Transactional
    public OpinionAlert dismiss(long alertId, String by) {
        pending(alertId);
        decide(alertId, OpinionAlert.Status.DISMISSED, by, null);
        return find(alertId).orElseThrow();
    }

    private OpinionAlert pending(long alertId) {
        OpinionAlert alert = find(alertId).orElseThrow(() -> new IllegalArgumentException("no alert " + alertId));
        if (alert.status() != OpinionAlert.Status.PENDING) {
            throw new IllegalArgumentException("alert " + alertId + " was already " + alert.status());
        }
        return alert;
    }

    private void decide(long alertId, OpinionAlert.Status status, String by, Long incidentId) {
        jdbc.sql("update opinion_alert set status = ?, decided_by = ?, decided_at = ?, incident_id = ? where id = ?")
                .params(status.name(), by, Timestamp.from(clock.instant()), incidentId, alertId).update();
    }

    private static OpinionAlert alert(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        String alarm = rs.getString("alarm_words");
        return new OpinionAlert(rs.getLong("id"), rs.getString("topic"), rs.getString("summary"), rs.getInt("users"),
                List.of(rs.getString("samples").split("\n")),
                alarm == null || alarm.isBlank() ? List.of() : Arrays.asList(alarm.split(",")),
                OpinionAlert.Status.valueOf(rs.getString("status")), rs.getTimestamp("raised_at").toInstant(),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(), incidentId);
    }
}
