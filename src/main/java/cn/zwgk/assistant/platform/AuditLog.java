package cn.zwgk.assistant.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: who changed what, when, with the state before and after as JSON. Callers pass
 * masked views; as a safety net anything that still looks like an ID or mobile number is masked
 * ({@link Masking#scrub}) before it is stored.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** One audit entry. */
    public record Entry(long id, Instant at, String actor, String action, String subject, String before, String after) {
    }

    /** Records a change by {@code actor}; {@code before}/{@code after} may be null. */
    public void record(String actor, String action, String subject, Object before, Object after) {
        jdbc.sql("""
                insert into audit_log (at, actor, action, subject, before_json, after_json)
                values (?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), actor, action, subject, toJson(before), toJson(after))
                .update();
    }

    /** The name of the signed-in staff member, or {@code fallback} outside a staff request. */
    public static String currentActor(String fallback) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getName() != null ? auth.getName() : fallback;
    }

    /** The newest {@code limit} entries, newest first. */
    public List<Entry> recent(int limit) {
        return jdbc.sql("select id, at, actor, action, subject, before_json, after_json from audit_log"
                        + " order by id desc limit ?")
                .param(limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("before_json"),
                        rs.getString("after_json")))
                .list();
    }

    public List<Entry> forSubject(String subject) {
        return jdbc.sql("select id, at, actor, action, subject, before_json, after_json from audit_log"
                        + " where subject = ? order by id")
                .param(subject)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("before_json"),
                        rs.getString("after_json")))
                .list();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof String s ? s : json.writeValueAsString(value);
        return Masking.scrub(text);
    }
}
