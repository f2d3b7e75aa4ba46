package cn.zwgk.assistant.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Attachments in {@code disclosure_attachment}, their bytes included. The bytes are kept in the
 * database rather than under {@code DATA_DIR}: the instances of a deployment share only PostgreSQL
 * and Redis, and a link sent to an applicant must work whichever instance serves it (see V21).
 */
@Repository
class AttachmentRepository {

    private static final String COLUMNS =
            "id, tracking_no, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, sent_at";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the case row until the transaction ends and returns its status: uploads, deletions and
     * the reply of one case take turns, so a reply sends exactly the files attached when it ran.
     */
    Optional<CaseStatus> lockCase(String trackingNo) {
        return jdbc.sql("select status from disclosure_case where tracking_no = ? for update").param(trackingNo)
                .query(String.class).optional().map(CaseStatus::valueOf);
    }

    boolean caseExists(String trackingNo) {
        return jdbc.sql("select count(*) from disclosure_case where tracking_no = ?").param(trackingNo)
                .query(Long.class).single() > 0;
    }

    long insert(String trackingNo, String name, FileType type, byte[] content, String sha256, String actor, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into disclosure_attachment (tracking_no, file_name, content_type, size_bytes, sha256, content,
                    uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(trackingNo, name, type.contentType(), content.length, sha256, content, actor, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    List<Attachment> list(String trackingNo) {
        return jdbc.sql("select " + COLUMNS + " from disclosure_attachment where tracking_no = ? order by id")
                .param(trackingNo).query(this::map).list();
    }

    Optional<Attachment> find(String trackingNo, long id) {
        return jdbc.sql("select " + COLUMNS + " from disclosure_attachment where tracking_no = ? and id = ?")
                .params(trackingNo, id).query(this::map).optional();
    }

    byte[] content(long id) {
        return jdbc.sql("select content from disclosure_attachment where id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    void delete(long id) {
        jdbc.sql("delete from disclosure_attachment where id = ? and sent_at is null").param(id).update();
    }

    void markSent(List<Attachment> attachments, Instant at) {
        for (Attachment a : attachments) {
            jdbc.sql("update disclosure_attachment set sent_at = ? where id = ?").params(Timestamp.from(at), a.id()).update();
        }
    }

    private Attachment map(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Attachment(rs.getLong("id"), rs.getString("tracking_no"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(),
                sent == null ? null : sent.toInstant());
    }
}
