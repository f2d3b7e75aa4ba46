package cn.zwgk.assistant.faq;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The unanswered and unhelpfully answered questions. */
@Repository
class GapRepository {

    /** One stored gap question. */
    record Row(long id, String appId, String openid, String question, String answer, String reason, Instant askedAt,
               float[] vector) {
    }

    private final JdbcClient jdbc;

    GapRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String appId, String openid, String question, String answer, String reason, Instant at, float[] vector) {
        jdbc.sql("""
                insert into question_gap (app_id, openid, question, answer, reason, asked_at, vector)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(appId, openid, clip(question, 1000), answer == null ? null : clip(answer, 2000), reason,
                        Timestamp.from(at), bytes(vector))
                .update();
    }

    /** The questions asked since {@code from}, newest first, at most {@code limit}. */
    List<Row> since(Instant from, int limit) {
        return jdbc.sql("""
                select id, app_id, openid, question, answer, reason, asked_at, vector from question_gap
                where asked_at >= ? order by asked_at desc, id desc limit ?""")
                .params(Timestamp.from(from), limit)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("app_id"), rs.getString("openid"),
                        rs.getString("question"), rs.getString("answer"), rs.getString("reason"),
                        rs.getTimestamp("asked_at").toInstant(), floats(rs.getBytes("vector"))))
                .list();
    }

    int deleteBefore(Instant before) {
        return jdbc.sql("delete from question_gap where asked_at < ?").param(Timestamp.from(before)).update();
    }

    private static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    private static float[] floats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
