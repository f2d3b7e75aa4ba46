package cn.zwgk.assistant.disclosure;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.zwgk.assistant.platform.Masking;
import cn.zwgk.assistant.platform.PersonalDataCipher;

/** Cases in {@code disclosure_case}: ID number, phone, address and e-mail encrypted, their masks beside. */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    CaseRepository(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(DisclosureCase c) {
        DisclosureRequest a = c.application;
        jdbc.sql("""
                insert into disclosure_case (tracking_no, draft_id, app_id, openid, channel, applicant_type, applicant_name,
                    legal_representative, contact_person, id_number_enc, id_number_masked, credit_code, phone_enc,
                    phone_masked, address_enc, address_masked, email_enc, email_masked, description, purpose, form,
                    delivery, status, received_on, clock_start_on, correction_due_on, due_on, due_provisional,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.trackingNo, c.draftId, c.appId, c.openid, c.channel.name(), a.applicantType().name(),
                        a.applicantName(), a.legalRepresentative(), a.contactPerson(), cipher.encrypt(a.idNumber()),
                        Masking.idNumber(a.idNumber()), a.creditCode(), cipher.encrypt(a.phone()), Masking.phone(a.phone()),
                        cipher.encrypt(a.address()), Masking.address(a.address()), cipher.encrypt(a.email()),
                        Masking.email(a.email()), a.description(), a.purpose(), a.form().name(), a.delivery().name(),
                        c.status.name(), date(c.receivedOn), date(c.clockStartOn), date(c.correctionDueOn), date(c.dueOn),
                        c.dueProvisional, Timestamp.from(c.createdAt), Timestamp.from(c.updatedAt))
                .update();
    }

    /** Saves the workflow fields; fails when someone else changed the case since it was loaded. */
    void update(DisclosureCase c) {
        int updated = jdbc.sql("""
                update disclosure_case set status = ?, paused_status = ?, clock_start_on = ?, correction_due_on = ?,
                    due_on = ?, due_provisional = ?, extension_days = ?, consultation_started_on = ?, paused_days = ?,
                    reply_kind = ?, reply_text = ?, version = ?, updated_at = ?
                where tracking_no = ? and version = ?""")
                .params(c.status.name(), name(c.pausedStatus), date(c.clockStartOn), date(c.correctionDueOn),
                        date(c.dueOn), c.dueProvisional, c.extensionDays, date(c.consultationStartedOn), c.pausedDays,
                        name(c.replyKind), c.replyText, c.version + 1, Timestamp.from(c.updatedAt), c.trackingNo, c.version)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("case " + c.trackingNo + " was changed concurrently");
        }
        c.version++;
    }

    Optional<DisclosureCase> find(String trackingNo) {
        return jdbc.sql("select * from disclosure_case where tracking_no = ?").param(trackingNo).query(this::map).optional();
    }

    Optional<DisclosureCase> findByDraft(String draftId) {
        return jdbc.sql("select * from disclosure_case where draft_id = ?").param(draftId).query(this::map).optional();
    }

    List<DisclosureCase> list(CaseStatus status, String appId, String openid, int limit) {
        StringBuilder sql = new StringBuilder("select * from disclosure_case where 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (appId != null) {
            sql.append(" and app_id = ?");
            params.add(appId);
        }
        if (openid != null) {
            sql.append(" and openid = ?");
            params.add(openid);
        }
        sql.append(" order by created_at desc, tracking_no desc fetch first ").append(limit).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    private DisclosureCase map(ResultSet rs, int n) throws SQLException {
        DisclosureCase c = new DisclosureCase();
        c.trackingNo = rs.getString("tracking_no");
        c.draftId = rs.getString("draft_id");
        c.appId = rs.getString("app_id");
        c.openid = rs.getString("openid");
        c.channel = IntakeChannel.valueOf(rs.getString("channel"));
        c.application = new DisclosureRequest(ApplicantType.valueOf(rs.getString("applicant_type")),
                rs.getString("applicant_name"), rs.getString("legal_representative"), rs.getString("contact_person"),
                cipher.decrypt(rs.getString("id_number_enc")), rs.getString("credit_code"),
                cipher.decrypt(rs.getString("phone_enc")), cipher.decrypt(rs.getString("address_enc")),
                cipher.decrypt(rs.getString("email_enc")), rs.getString("description"), rs.getString("purpose"),
                InfoForm.valueOf(rs.getString("form")), DeliveryWay.valueOf(rs.getString("delivery")));
        c.status = CaseStatus.valueOf(rs.getString("status"));
        c.pausedStatus = rs.getString("paused_status") == null ? null : CaseStatus.valueOf(rs.getString("paused_status"));
        c.receivedOn = local(rs.getDate("received_on"));
        c.clockStartOn = local(rs.getDate("clock_start_on"));
        c.correctionDueOn = local(rs.getDate("correction_due_on"));
        c.dueOn = local(rs.getDate("due_on"));
        c.dueProvisional = rs.getBoolean("due_provisional");
        c.extensionDays = rs.getInt("extension_days");
        c.consultationStartedOn = local(rs.getDate("consultation_started_on"));
        c.pausedDays = rs.getInt("paused_days");
        c.replyKind = rs.getString("reply_kind") == null ? null : ReplyKind.valueOf(rs.getString("reply_kind"));
        c.replyText = rs.getString("reply_text");
        c.version = rs.getInt("version");
        c.createdAt = rs.getTimestamp("created_at").toInstant();
        c.updatedAt = rs.getTimestamp("updated_at").toInstant();
        return c;
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate local(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
