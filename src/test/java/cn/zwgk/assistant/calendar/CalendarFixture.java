package cn.zwgk.assistant.calendar;

import java.time.Clock;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A calendar over the real migrations in an in-memory H2, for unit tests of other modules. */
public final class CalendarFixture {

    private CalendarFixture() {
    }

    public static WorkingDayCalendar shipped() {
        return shipped(e -> { });
    }

    /** The same, handing the calendar's events to {@code events}. */
    public static WorkingDayCalendar shipped(org.springframework.context.ApplicationEventPublisher events) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        Clock clock = Clock.systemUTC();
        return new WorkingDayCalendar(new CalendarRepository(JdbcClient.create(ds), clock), events, new SimpleMeterRegistry(),
                org.springframework.transaction.support.TransactionOperations.withoutTransaction(), clock);
    }
}
