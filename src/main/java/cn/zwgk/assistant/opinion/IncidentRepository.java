package cn.zwgk.assistant.opinion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Incidents, their milestones and their quick responses. */
@Repository
class IncidentRepository {

    private static final String RESPONSE_COLUMNS =
            "id, incident_id, version, text, status, issued_by, issued_at, approved_by, published_at, ended_at";

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String title, Severity severity, List<String> keywords, Instant openedAt, String openedBy, Long alertId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into incident (title, severity, keywords, status, opened_at, opened_by, alert_id) "
                        + "values (?, ?, ?, 'OPEN', ?, ?, ?)")
                .params(title, severity.name(), String.join(",", keywords), Timestamp.from(openedAt), openedBy, alertId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertMilestone(long incidentId, Milestone m) {
        jdbc.sql("insert into incident_milestone (incident_id, name, due_at, target_at) values (?, ?, ?, ?)")
                .params(incidentId, m.name(), Timestamp.from(m.dueAt()), Timestamp.from(m.targetAt())).update();
    }

    boolean completeMilestone(long incidentId, String name, String by, Instant at) {
        return jdbc.sql("update incident_milestone set done_at = ?, done_by = ? "
                        + "where incident_id = ? and name = ? and done_at is null")
                .params(Timestamp.from(at), by, incidentId, name).update() == 1;
    }

    Optional<Incident> find(long id) {
        return jdbc.sql("select * from incident where id = ?").param(id).query(IncidentRepository::row).optional()
                .map(this::withDetails);
    }

    List<Incident> all() {
        return jdbc.sql("select * from incident order by id desc").query(IncidentRepository::row).list().stream()
                .map(this::withDetails).toList();
    }

    List<Incident> open() {
        return jdbc.sql("select * from incident where status = 'OPEN' order by id desc").query(IncidentRepository::row)
                .list().stream().map(this::withDetails).toList();
    }

    long insertResponse(long incidentId, int version, String text, QuickResponse.Status status, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into quick_response (incident_id, version, text, status, issued_by, issued_at, published_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(incidentId, version, text, status.name(), by, Timestamp.from(at),
                        status == QuickResponse.Status.PUBLISHED ? Timestamp.from(at) : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    int nextVersion(long incidentId) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from quick_response where incident_id = ?")
                .param(incidentId).query(Integer.class).single();
    }

    /** Moves a response from one status to another; false when it was not in {@code from}. */
    boolean transition(long responseId, QuickResponse.Status from, QuickResponse.Status to, String approvedBy, Instant at) {
        String column = to == QuickResponse.Status.PUBLISHED ? "published_at" : "ended_at";
        return jdbc.sql("update quick_response set status = ?, " + column + " = ?, approved_by = coalesce(?, approved_by) "
                        + "where id = ? and status = ?")
                .params(to.name(), Timestamp.from(at), approvedBy, responseId, from.name()).update() == 1;
    }

    Optional<QuickResponse> response(long responseId) {
        return jdbc.sql("select " + RESPONSE_COLUMNS + " from quick_response where id = ?").param(responseId)
                .query(IncidentRepository::quickResponse).optional();
    }

    List<QuickResponse> responses(long incidentId) {
        return jdbc.sql("select " + RESPONSE_COLUMNS + " from quick_response where incident_id = ? order by version desc")
                .param(incidentId).query(IncidentRepository::quickResponse).list();
    }

    void logUse(long responseId, String openid, String channel, Instant at) {
        jdbc.sql("insert into quick_response_use (response_id, openid, channel, used_at) values (?, ?, ?, ?)")
                .params(responseId, openid, channel, Timestamp.from(at)).update();
    }

    int uses(long responseId, String channel) {
        return jdbc.sql("select count(*) from quick_response_use where response_id = ? and channel = ?")
                .params(responseId, channel).query(Integer.class).single();
    }

    private static Incident row(ResultSet rs, int row) throws SQLException {
        List<String> keywords = Arrays.stream(rs.getString("keywords").split(",")).filter(k -> !k.isBlank()).toList();
        return new Incident(rs.getLong("id"), rs.getString("title"), Severity.valueOf(rs.getString("severity")), keywords,
                Incident.Status.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
                rs.getString("opened_by"), List.of(), List.of());
    }

    private Incident withDetails(Incident i) {
        List<Milestone> milestones = jdbc.sql("select * from incident_milestone where incident_id = ? order by due_at, name")
                .param(i.id()).query((m, n) -> new Milestone(m.getString("name"), m.getTimestamp("due_at").toInstant(),
                        m.getTimestamp("target_at").toInstant(), instant(m.getTimestamp("done_at")), m.getString("done_by")))
                .list();
        return new Incident(i.id(), i.title(), i.severity(), i.keywords(), i.status(), i.openedAt(), i.openedBy(),
                milestones, responses(i.id()));
    }

    private static QuickResponse quickResponse(ResultSet rs, int row) throws SQLException {
        return new QuickResponse(rs.getLong("id"), rs.getLong("incident_id"), rs.getInt("version"), rs.getString("text"),
                QuickResponse.Status.valueOf(rs.getString("status")), rs.getString("issued_by"),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("approved_by"),
                instant(rs.getTimestamp("published_at")), instant(rs.getTimestamp("ended_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
