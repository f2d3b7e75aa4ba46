package cn.zwgk.assistant.support;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A fresh in-memory H2 database in the application's PostgreSQL mode, with every Flyway migration
 * of {@code db/migration} applied: for repository tests that need the real schema and nothing else
 * (the {@code @JdbcTest} slice is not among this build's dependencies).
 */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** A {@link JdbcClient} on a new database of its own. */
    public static JdbcClient create() {
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:repo-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(dataSource);
    }
}
