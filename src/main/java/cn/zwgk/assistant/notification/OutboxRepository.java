package cn.zwgk.assistant.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

    private static final String COLUMNS = "id, delivery_key, channel, account, recipient, payload, status, attempts,"
            + " next_attempt_at, last_error, created_at, sent_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores the message unless its delivery key is already there. {@code ON CONFLICT DO NOTHING}
     * rather than catching the duplicate: on PostgreSQL a failed statement would abort the caller's
     * transaction (H2 understands it in PostgreSQL mode).
     */
    boolean insert(OutboundMessage m) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                insert into outbox_message (delivery_key, channel, account, recipient, payload, status, attempts,
                                            next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                on conflict do nothing""")
                .params(m.deliveryKey(), m.channel(), m.account(), m.recipient(), m.payload(), now, now)
                .update() == 1;
    }

    /** Ids of messages that are due, or whose sender's lease ran out. */
    List<Long> due(Instant now, int limit) {
        Timestamp ts = Timestamp.from(now);
        return jdbc.sql("""
                select id from outbox_message
                where (status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and locked_until < ?)
                order by next_attempt_at fetch first ? rows only""")
                .params(ts, ts, limit).query(Long.class).list();
    }

    /** Reserves one message for this instance; false when another instance got it first. */
    boolean claim(long id, Instant now, Instant leaseUntil) {
        Timestamp ts = Timestamp.from(now);
        return jdbc.sql("""
                update outbox_message set status = 'SENDING', locked_until = ?, attempts = attempts + 1
                where id = ? and ((status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and locked_until < ?))""")
                .params(Timestamp.from(leaseUntil), id, ts, ts).update() == 1;
    }

    Optional<OutboxEntry> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where id = ?").param(id)
                .query(OutboxRepository::map).optional();
    }

    Optional<OutboxEntry> findByKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where delivery_key = ?").param(key)
                .query(OutboxRepository::map).optional();
    }

    List<OutboxEntry> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message order by id desc fetch first ? rows only")
                .param(limit).query(OutboxRepository::map).list();
    }

    void markSent(long id, Instant at) {
        jdbc.sql("update outbox_message set status = 'SENT', sent_at = ?, locked_until = null, last_error = null where id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void markRetry(long id, Instant next, String error) {
        jdbc.sql("update outbox_message set status = 'PENDING', next_attempt_at = ?, locked_until = null, last_error = ? where id = ?")
                .params(Timestamp.from(next), truncate(error), id).update();
    }

    void markFailed(long id, String error) {
        jdbc.sql("update outbox_message set status = 'FAILED', locked_until = null, last_error = ? where id = ?")
                .params(truncate(error), id).update();
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    private static OutboxEntry map(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getString("delivery_key"), rs.getString("channel"),
                rs.getString("account"), rs.getString("recipient"), rs.getString("payload"),
                OutboxEntry.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
