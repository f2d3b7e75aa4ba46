package cn.zwgk.assistant.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The stored ratings: one row per rated answer, with the documents it cited. */
@Repository
class RatingRepository {

    private final JdbcClient jdbc;

    RatingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the rating; false when this answer was rated already (a retry, or a second "1"). */
    @Transactional
    boolean insert(String answerId, String appId, boolean helpful, RatedAnswer answer, Instant at, LocalDate day) {
        try {
            jdbc.sql("""
                    insert into answer_rating (answer_id, app_id, helpful, question, answer, mode, rated_at, rated_on)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(answerId, appId, helpful, clip(answer.question(), 1000), clip(answer.answer(), 2000),
                            clip(answer.mode(), 32), Timestamp.from(at), day)
                    .update();
        } catch (DuplicateKeyException e) {
            return false;
        }
        for (RatedAnswer.CitedDocument d : answer.documents().stream().distinct().toList()) {
            jdbc.sql("insert into answer_rating_document (answer_id, document_id, title) values (?, ?, ?)")
                    .params(answerId, d.documentId(), clip(d.title(), 500)).update();
        }
        return true;
    }

    List<RatingShare> byDay(LocalDate from) {
        return jdbc.sql("""
                select rated_on, count(*) as ratings, sum(case when helpful then 1 else 0 end) as helpful
                from answer_rating where rated_on >= ? group by rated_on order by rated_on desc""")
                .param(from)
                .query((rs, n) -> new RatingShare(rs.getDate("rated_on").toLocalDate().toString(),
                        rs.getLong("ratings"), rs.getLong("helpful")))
                .list();
    }

    List<RatingShare> byDocument(LocalDate from, int limit) {
        return jdbc.sql("""
                select d.title, count(*) as ratings, sum(case when r.helpful then 1 else 0 end) as helpful
                from answer_rating r join answer_rating_document d on d.answer_id = r.answer_id
                where r.rated_on >= ? group by d.document_id, d.title
                order by count(*) desc, d.title limit ?""")
                .params(from, limit)
                .query((rs, n) -> new RatingShare(rs.getString("title"), rs.getLong("ratings"), rs.getLong("helpful")))
                .list();
    }

    private static String clip(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
