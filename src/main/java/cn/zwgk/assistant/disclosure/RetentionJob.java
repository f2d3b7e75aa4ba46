package cn.zwgk.assistant.disclosure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the retention settings: erases the encrypted personal data of cases finished longer ago
 * than {@code disclosure.personal-data-retention} and deletes old conversation drafts. Running it on
 * several instances at once is harmless (the same rows are updated or deleted).
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcClient jdbc;
    private final DisclosureProperties properties;
    private final Clock clock;

    RetentionJob(JdbcClient jdbc, DisclosureProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${disclosure.retention-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public void run() {
        run(clock.instant());
    }

    /** Returns the number of cases erased and drafts deleted. */
    int[] run(Instant now) {
        int erased = jdbc.sql("""
                update disclosure_case set id_number_enc = null, phone_enc = null, address_enc = null, email_enc = null,
                    id_number_masked = null, phone_masked = null, address_masked = null, email_masked = null
                where status in ('CLOSED', 'WITHDRAWN') and updated_at < ?
                  and (id_number_enc is not null or phone_enc is not null or address_enc is not null or email_enc is not null)""")
                .param(Timestamp.from(now.minus(properties.personalDataRetention()))).update();
        int drafts = jdbc.sql("delete from disclosure_draft where updated_at < ?")
                .param(Timestamp.from(now.minus(properties.draftRetention()))).update();
        if (erased + drafts > 0) {
            log.info("Retention: erased personal data of {} finished cases, deleted {} old drafts", erased, drafts);
        }
        return new int[] {erased, drafts};
    }
}
