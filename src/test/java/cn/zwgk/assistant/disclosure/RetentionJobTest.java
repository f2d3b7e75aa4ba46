package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.platform.PersonalDataCipher;

class RetentionJobTest {

    private final JdbcClient jdbc = database();
    private final CaseRepository cases = new CaseRepository(jdbc, new PersonalDataCipher(new byte[32]));
    private final RetentionJob job = new RetentionJob(jdbc,
            new DisclosureProperties(Duration.ofDays(365), Duration.ofDays(30), "-", null, 8, Duration.ofMillis(300)), Clock.systemUTC());

    private static JdbcClient database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(ds);
    }

    private void store(String no, CaseStatus status, Instant updatedAt) {
        DisclosureCase c = new DisclosureCase();
        c.trackingNo = no;
        c.channel = IntakeChannel.LETTER;
        c.application = new DisclosureRequest(ApplicantType.CITIZEN, "王五", null, null, "11010519491231002X", null,
                "13800138000", "北京市东城区正义路2号", null, "某文件", null, InfoForm.PAPER, DeliveryWay.MAIL);
        c.status = status;
        c.receivedOn = LocalDate.of(2025, 1, 6);
        c.clockStartOn = c.receivedOn;
        c.correctionDueOn = c.receivedOn;
        c.dueOn = c.receivedOn;
        c.createdAt = updatedAt;
        c.updatedAt = updatedAt;
        cases.insert(c);
    }

    @Test
    void erasesPersonalDataOfLongFinishedCasesOnly() {
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        store("YSQ-2025-000001", CaseStatus.CLOSED, now.minus(Duration.ofDays(400)));
        store("YSQ-2025-000002", CaseStatus.CLOSED, now.minus(Duration.ofDays(100)));
        store("YSQ-2025-000003", CaseStatus.ACCEPTED, now.minus(Duration.ofDays(400)));

        assertThat(job.run(now)[0]).isEqualTo(1);
        DisclosureCase erased = cases.find("YSQ-2025-000001").orElseThrow();
        assertThat(erased.application.idNumber()).isNull();
        assertThat(erased.application.phone()).isNull();
        assertThat(erased.application.description()).isEqualTo("某文件");
        assertThat(cases.find("YSQ-2025-000002").orElseThrow().application.idNumber()).isEqualTo("11010519491231002X");
        assertThat(cases.find("YSQ-2025-000003").orElseThrow().application.phone()).isEqualTo("13800138000");
        assertThat(job.run(now)[0]).as("nothing left to erase").isZero();
    }
}
