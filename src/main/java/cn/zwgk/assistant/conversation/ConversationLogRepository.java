package cn.zwgk.assistant.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code conversation_log} table; SQL common to H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
class ConversationLogRepository {

    private static final String COLUMNS = "id, created_at, app_id, user_hash, user_masked, kind, event, intent, "
            + "inbound_text, reply_text, handling_ms";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ConversationLogRepository(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Inserts the rows in one batch and one transaction. */
    void insert(List<LogRow> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (LogRow r : rows) {
            args.add(new Object[] {Timestamp.from(r.at()), Timestamp.from(r.hourBucket()), r.appId(), r.userHash(),
                    r.userMasked(), r.kind().name(), text(r.event()), text(r.intent() == null ? null : r.intent().name()),
                    text(r.inboundText()), text(r.replyText()), r.handlingMs()});
        }
        tx.executeWithoutResult(s -> jdbc.batchUpdate("""
                insert into conversation_log (created_at, hour_bucket, app_id, user_hash, user_masked, kind, event, intent,
                    inbound_text, reply_text, handling_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", args));
    }

    /** Newest first. */
    List<LoggedMessage> find(LogFilter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from conversation_log where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.userHash() != null && !filter.userHash().isBlank()) {
            sql.append(" and user_hash = ?");
            params.add(filter.userHash().strip().toLowerCase());
        }
        if (filter.textContains() != null && !filter.textContains().isBlank()) {
            sql.append(" and (lower(inbound_text) like ? escape '!' or lower(reply_text) like ? escape '!')");
            String pattern = "%" + filter.textContains().strip().toLowerCase()
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            params.add(pattern);
            params.add(pattern);
        }
        if (filter.from() != null) {
            sql.append(" and created_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and created_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        sql.append(" order by created_at desc, id desc limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.query(sql.toString(), ConversationLogRepository::message, params.toArray());
    }

    /** Messages and distinct senders per stored hour bucket in [from, to), buckets without rows left out. */
    List<HourlyVolume> volume(Instant from, Instant to) {
        return jdbc.query("""
                select hour_bucket, count(*) as inbound, count(distinct user_hash) as users from conversation_log
                where hour_bucket >= ? and hour_bucket < ? group by hour_bucket order by hour_bucket""",
                (rs, i) -> new HourlyVolume(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getLong(3)),
                Timestamp.from(from), Timestamp.from(to));
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.update("delete from conversation_log where created_at < ?", Timestamp.from(cutoff));
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static LoggedMessage message(ResultSet rs, int row) throws SQLException {
        String intent = rs.getString("intent");
        return new LoggedMessage(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("app_id"),
                rs.getString("user_hash"), rs.getString("user_masked"), InboundMessage.Kind.valueOf(rs.getString("kind")),
                rs.getString("event"), intent == null ? null : Intent.valueOf(intent), rs.getString("inbound_text"),
                rs.getString("reply_text"), rs.getInt("handling_ms"));
    }
}
