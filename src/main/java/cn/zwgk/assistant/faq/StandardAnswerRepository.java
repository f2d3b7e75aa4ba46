package cn.zwgk.assistant.faq;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Standard answers and their versions. */
@Repository
class StandardAnswerRepository {

    private static final String COLUMNS = "id, lineage, version, question, phrasings, answer, source, valid_from, "
            + "valid_until, status, created_by, created_at, approved_by, approved_at";

    private final JdbcClient jdbc;

    StandardAnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new PENDING version: of {@code lineage}, or a first version when it is null. */
    long insert(Long lineage, StandardAnswerDraft d, String by, Instant at) {
        int version = lineage == null ? 1 : jdbc.sql("select max(version) from standard_answer where id = ? or lineage = ?")
                .params(lineage, lineage).query(Integer.class).single() + 1;
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into standard_answer (lineage, version, question, phrasings, answer, source, valid_from,
                    valid_until, status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(lineage, version, d.question(), String.join("\n", d.phrasings()), d.answer(), d.source(),
                        Date.valueOf(d.validFrom()), d.validUntil() == null ? null : Date.valueOf(d.validUntil()), by,
                        Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<StandardAnswer> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from standard_answer where id = ?").param(id)
                .query(StandardAnswerRepository::row).optional();
    }

    /** Every version, newest lineage and version first. */
    List<StandardAnswer> all() {
        return jdbc.sql("select " + COLUMNS + " from standard_answer order by coalesce(lineage, id) desc, version desc")
                .query(StandardAnswerRepository::row).list();
    }

    List<StandardAnswer> approved() {
        return jdbc.sql("select " + COLUMNS + " from standard_answer where status = 'APPROVED'")
                .query(StandardAnswerRepository::row).list();
    }

    /** Moves a version from one status to another; false when it was not in {@code from} any more. */
    boolean transition(long id, StandardAnswer.Status from, StandardAnswer.Status to, String by, Instant at) {
        String who = to == StandardAnswer.Status.APPROVED ? "approved_by = ?, approved_at = ?" : "ended_by = ?, ended_at = ?";
        return jdbc.sql("update standard_answer set status = ?, " + who + " where id = ? and status = ?")
                .params(to.name(), by, Timestamp.from(at), id, from.name()).update() == 1;
    }

    /** The approved versions of a lineage other than {@code keep}. */
    List<Long> otherApproved(long lineage, long keep) {
        return jdbc.sql("select id from standard_answer where (id = ? or lineage = ?) and status = 'APPROVED' and id <> ?")
                .params(lineage, lineage, keep).query(Long.class).list();
    }

    private static StandardAnswer row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        long lineage = rs.getObject("lineage") == null ? id : rs.getLong("lineage");
        String phrasings = rs.getString("phrasings");
        Date until = rs.getDate("valid_until");
        Timestamp approved = rs.getTimestamp("approved_at");
        return new StandardAnswer(id, lineage, rs.getInt("version"), rs.getString("question"),
                phrasings.isBlank() ? List.of() : Arrays.stream(phrasings.split("\n")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList(),
                rs.getString("answer"), rs.getString("source"), rs.getDate("valid_from").toLocalDate(),
                until == null ? null : until.toLocalDate(), StandardAnswer.Status.valueOf(rs.getString("status")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("approved_by"),
                approved == null ? null : approved.toInstant());
    }
}
