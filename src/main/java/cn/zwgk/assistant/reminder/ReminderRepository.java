package cn.zwgk.assistant.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ReminderRepository {

    private static final String COLUMNS = "id, subject, kind, title, text, recipients, fire_at, critical, status,"
            + " acknowledged_at, escalates_id";

    private final JdbcClient jdbc;
    private final Clock clock;

    ReminderRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(String subject, PlannedReminder r, Long escalates) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into reminder (subject, kind, title, text, recipients, fire_at, critical, status, created_at, escalates_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(subject, r.kind().name(), r.title(), r.text(), String.join(",", r.recipients()),
                        Timestamp.from(r.fireAt()), r.critical(), Timestamp.from(clock.instant()), escalates)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from reminder where id = ?").param(id).query(ReminderRepository::map).optional();
    }

    List<Row> pending(String subject) {
        return subject == null
                ? jdbc.sql("select " + COLUMNS + " from reminder where status = 'PENDING' order by fire_at")
                        .query(ReminderRepository::map).list()
                : jdbc.sql("select " + COLUMNS + " from reminder where status = 'PENDING' and subject = ? order by fire_at")
                        .param(subject).query(ReminderRepository::map).list();
    }

    /** PENDING → FIRED; false when it was not pending (already fired or cancelled). */
    boolean markFired(long id, Instant at) {
        return jdbc.sql("update reminder set status = 'FIRED', fired_at = ? where id = ? and status = 'PENDING'")
                .params(Timestamp.from(at), id).update() == 1;
    }

    boolean cancel(long id) {
        return jdbc.sql("update reminder set status = 'CANCELLED' where id = ? and status = 'PENDING'").param(id).update() == 1;
    }

    boolean acknowledge(long id, String by, Instant at) {
        return jdbc.sql("update reminder set acknowledged_at = ?, acknowledged_by = ? where id = ? and acknowledged_at is null")
                .params(Timestamp.from(at), by, id).update() == 1;
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        Timestamp acked = rs.getTimestamp("acknowledged_at");
        Object escalates = rs.getObject("escalates_id");
        return new Row(rs.getLong("id"), rs.getString("subject"), ReminderKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("text"),
                Arrays.stream(rs.getString("recipients").split(",")).filter(s -> !s.isBlank()).toList(),
                rs.getTimestamp("fire_at").toInstant(), rs.getBoolean("critical"),
                Reminder.Status.valueOf(rs.getString("status")), acked == null ? null : acked.toInstant(),
                escalates == null ? null : ((Number) escalates).longValue());
    }

    record Row(long id, String subject, ReminderKind kind, String title, String text, List<String> recipients,
               Instant fireAt, boolean critical, Reminder.Status status, Instant acknowledgedAt, Long escalatesId) {
    }
}
