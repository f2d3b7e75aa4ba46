package cn.zwgk.assistant.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Handoffs and their messages. At most one open handoff per citizen (the unique open key). */
@Repository
class HandoffRepository {

    private static final String COLUMNS = "id, app_id, openid, status, requested_at, taken_by, taken_at, "
            + "last_activity_at, closed_at, close_reason";

    private final JdbcClient jdbc;

    HandoffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new waiting handoff; empty when the citizen has an open one already. */
    Optional<Long> open(String appId, String openid, Instant at) {
        try {
            jdbc.sql("""
                    insert into handoff (app_id, openid, open_key, status, requested_at, last_activity_at)
                    values (?, ?, ?, 'WAITING', ?, ?)""")
                    .params(appId, openid, openKey(appId, openid), Timestamp.from(at), Timestamp.from(at)).update();
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return openOf(appId, openid).map(Handoff::id);
    }

    Optional<Handoff> openOf(String appId, String openid) {
        return jdbc.sql("select " + COLUMNS + " from handoff where open_key = ?").param(openKey(appId, openid))
                .query(HandoffRepository::handoff).optional();
    }

    Optional<Handoff> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from handoff where id = ?").param(id)
                .query(HandoffRepository::handoff).optional();
    }

    /** The open handoffs, oldest request first. */
    List<Handoff> open() {
        return jdbc.sql("select " + COLUMNS + " from handoff where status <> 'CLOSED' order by requested_at, id")
                .query(HandoffRepository::handoff).list();
    }

    /** Takes a waiting handoff for {@code staffUser}; false when someone else took it or it closed. */
    boolean take(long id, String staffUser, Instant at) {
        return jdbc.sql("""
                update handoff set status = 'HELD', taken_by = ?, taken_at = ?, last_activity_at = ?
                where id = ? and status = 'WAITING'""")
                .params(staffUser, Timestamp.from(at), Timestamp.from(at), id).update() == 1;
    }

    void touch(long id, Instant at) {
        jdbc.sql("update handoff set last_activity_at = ? where id = ? and last_activity_at < ?")
                .params(Timestamp.from(at), id, Timestamp.from(at)).update();
    }

    /** Closes an open handoff; false when it was closed already (by another instance, or staff). */
    boolean close(long id, String reason, Instant at) {
        return jdbc.sql("""
                update handoff set status = 'CLOSED', open_key = null, closed_at = ?, close_reason = ?
                where id = ? and status <> 'CLOSED'""")
                .params(Timestamp.from(at), reason, id).update() == 1;
    }

    /** Held handoffs with no message from either side since {@code before}. */
    List<Handoff> heldIdleSince(Instant before) {
        return jdbc.sql("select " + COLUMNS + " from handoff where status = 'HELD' and last_activity_at < ?")
                .param(Timestamp.from(before)).query(HandoffRepository::handoff).list();
    }

    long addMessage(long handoffId, HandoffMessage.Sender sender, String staffUser, String text, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into handoff_message (handoff_id, sender, staff_user, text, sent_at) values (?, ?, ?, ?, ?)")
                .params(handoffId, sender.name(), staffUser, clip(text), Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    void setDeliveryKey(long messageId, String key) {
        jdbc.sql("update handoff_message set delivery_key = ? where id = ?").params(key, messageId).update();
    }

    List<HandoffMessage> messages(long handoffId) {
        return jdbc.sql("""
                select id, handoff_id, sender, staff_user, text, sent_at, delivery_key
                from handoff_message where handoff_id = ? order by id""")
                .param(handoffId)
                .query((rs, n) -> new HandoffMessage(rs.getLong("id"), rs.getLong("handoff_id"),
                        HandoffMessage.Sender.valueOf(rs.getString("sender")), rs.getString("staff_user"),
                        rs.getString("text"), rs.getTimestamp("sent_at").toInstant(), rs.getString("delivery_key")))
                .list();
    }

    private static Handoff handoff(ResultSet rs, int n) throws SQLException {
        return new Handoff(rs.getLong("id"), rs.getString("app_id"), rs.getString("openid"),
                Handoff.Status.valueOf(rs.getString("status")), instant(rs, "requested_at"), rs.getString("taken_by"),
                instant(rs, "taken_at"), instant(rs, "last_activity_at"), instant(rs, "closed_at"),
                rs.getString("close_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String openKey(String appId, String openid) {
        return appId + "|" + openid;
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
