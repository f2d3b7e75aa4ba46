package cn.zwgk.assistant.disclosure;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.PersonalDataCipher;

/**
 * After a data-encryption key rotation (a previous key configured), rewrites the personal data of
 * cases and drafts under the current key, in batches, in the background of start-up. Each update
 * is conditional on the old ciphertext, so instances doing it at once, or the application changing
 * a row meanwhile, lose nothing. "Re-encryption finished: 0 values left" in the log means the
 * previous key can be removed.
 */
@Component
class KeyRotationJob implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationJob.class);
    private static final int BATCH = 200;
    private static final List<String> CASE_COLUMNS = List.of("id_number_enc", "phone_enc", "address_enc", "email_enc");

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    KeyRotationJob(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (cipher.rotating()) {
            Thread thread = new Thread(this::runLogged, "data-key-rotation");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void runLogged() {
        try {
            int rewritten = reencryptAll();
            log.info("Re-encryption finished: {} values rewritten under key {}, {} values left", rewritten,
                    cipher.keyId(), remaining());
        } catch (RuntimeException e) {
            log.error("Re-encryption under key {} stopped", cipher.keyId(), e);
        }
    }

    /** Rewrites every value not under the current key; returns how many rows changed. */
    int reencryptAll() {
        String current = "v1:" + cipher.keyId() + ":%";
        int rewritten = 0;
        for (String column : CASE_COLUMNS) {
            List<Row> rows;
            do {
                rows = jdbc.sql("select tracking_no, " + column + " from disclosure_case where " + column
                                + " is not null and " + column + " not like ? order by tracking_no limit " + BATCH)
                        .param(current).query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list();
                for (Row row : rows) {
                    rewritten += jdbc.sql("update disclosure_case set " + column + " = ? where tracking_no = ? and "
                            + column + " = ?").params(cipher.reencrypt(row.value()), row.id(), row.value()).update();
                }
            } while (rows.size() == BATCH);
        }
        List<Row> drafts;
        do {
            drafts = jdbc.sql("select id, data_enc from disclosure_draft where data_enc not like ? order by id limit " + BATCH)
                    .param(current).query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list();
            for (Row row : drafts) {
                rewritten += jdbc.sql("update disclosure_draft set data_enc = ? where id = ? and data_enc = ?")
                        .params(cipher.reencrypt(row.value()), row.id(), row.value()).update();
            }
        } while (drafts.size() == BATCH);
        return rewritten;
    }

    /** Values not yet under the current key. */
    long remaining() {
        String current = "v1:" + cipher.keyId() + ":%";
        long left = jdbc.sql("select count(*) from disclosure_draft where data_enc not like ?").param(current)
                .query(Long.class).single();
        for (String column : CASE_COLUMNS) {
            left += jdbc.sql("select count(*) from disclosure_case where " + column + " is not null and " + column
                    + " not like ?").param(current).query(Long.class).single();
        }
        return left;
    }

    private record Row(String id, String value) {
    }
}
