package cn.zwgk.assistant.disclosure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.zwgk.assistant.conversation.ConversationProperties;
import cn.zwgk.assistant.platform.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts in {@code disclosure_draft}, the answers as one encrypted JSON document, so that an
 * application survives the loss of the conversation state in Redis. A draft untouched for longer
 * than the session lifetime is no longer resumed.
 */
@Repository
class DraftStore {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final Duration lifetime;
    private final Clock clock;

    DraftStore(JdbcClient jdbc, PersonalDataCipher cipher, JsonMapper json, ConversationProperties conversation,
               Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.lifetime = conversation.sessionTtl();
        this.clock = clock;
    }

    Draft create(String appId, String openid) {
        Draft draft = new Draft(UUID.randomUUID().toString(), appId, openid);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into disclosure_draft (id, app_id, openid, data_enc, status, created_at, updated_at)
                values (?, ?, ?, ?, 'ACTIVE', ?, ?)""")
                .params(draft.id, appId, openid, encode(draft), now, now).update();
        return draft;
    }

    /** The draft if it is still being filled in by this user. */
    Optional<Draft> findActive(String id, String appId, String openid) {
        return jdbc.sql("select id, data_enc from disclosure_draft where id = ? and app_id = ? and openid = ?"
                        + " and status = 'ACTIVE' and updated_at > ?")
                .params(id, appId, openid, Timestamp.from(clock.instant().minus(lifetime)))
                .query((rs, n) -> decode(rs.getString("id"), appId, openid, rs.getString("data_enc"))).optional();
    }

    /** The user's most recently touched unfinished draft. */
    Optional<Draft> latestActive(String appId, String openid) {
        return jdbc.sql("select id, data_enc from disclosure_draft where app_id = ? and openid = ? and status = 'ACTIVE'"
                        + " and updated_at > ? order by updated_at desc fetch first 1 rows only")
                .params(appId, openid, Timestamp.from(clock.instant().minus(lifetime)))
                .query((rs, n) -> decode(rs.getString("id"), appId, openid, rs.getString("data_enc"))).optional();
    }

    void save(Draft draft) {
        jdbc.sql("update disclosure_draft set data_enc = ?, updated_at = ? where id = ? and status = 'ACTIVE'")
                .params(encode(draft), Timestamp.from(clock.instant()), draft.id).update();
    }

    void finish(String id, String status, String trackingNo) {
        jdbc.sql("update disclosure_draft set status = ?, tracking_no = ?, updated_at = ? where id = ?")
                .params(status, trackingNo, Timestamp.from(clock.instant()), id).update();
    }

    private String encode(Draft draft) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        draft.values.forEach((k, v) -> values.put(k.name(), v));
        doc.put("values", values);
        doc.put("pending", draft.pending == null ? null : draft.pending.name());
        doc.put("vagueAsked", draft.vagueAsked);
        return cipher.encrypt(json.writeValueAsString(doc));
    }

    @SuppressWarnings("unchecked")
    private Draft decode(String id, String appId, String openid, String data) {
        Map<String, Object> doc = json.readValue(cipher.decrypt(data), Map.class);
        Draft draft = new Draft(id, appId, openid);
        ((Map<String, String>) doc.get("values")).forEach((k, v) -> draft.values.put(DraftField.valueOf(k), v));
        Object pending = doc.get("pending");
        draft.pending = pending == null ? null : DraftField.valueOf(pending.toString());
        draft.vagueAsked = Boolean.TRUE.equals(doc.get("vagueAsked"));
        return draft;
    }
}
