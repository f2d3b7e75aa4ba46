package cn.zwgk.assistant.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.support.MovableClock;

/**
 * The sign-in throttle on a real database and a clock the test moves: free attempts, then a wait
 * that doubles, per user name and client address, shared by every instance, never a lock.
 */
class LoginThrottleTest {

    private static final AccessProperties PROPERTIES = new AccessProperties("admin", "", false, 5,
            Duration.ofSeconds(1), Duration.ofMinutes(15));
    private static final byte[] KEY = new byte[32];

    private final JdbcClient jdbc = database();
    /** Nanoseconds too, which a database timestamp does not keep. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T01:00:00.123456789Z"));
    private final LoginThrottle throttle = new LoginThrottle(jdbc, PROPERTIES, clock, KEY);

    @Test
    void fiveFailuresAreFreeThenTheWaitDoubles() {
        for (int i = 0; i < 6; i++) {
            assertThat(throttle.tryAttempt("clerk", "203.0.113.9")).as("attempt %d", i + 1).isTrue();
            throttle.failed("clerk", "203.0.113.9");
        }
        // six failures: one second before the seventh attempt, then 2, 4, 8 … seconds
        for (long wait : new long[] {1, 2, 4, 8, 16}) {
            assertThat(throttle.tryAttempt("clerk", "203.0.113.9")).isFalse();
            clock.move(Duration.ofSeconds(wait).minusMillis(1));
            assertThat(throttle.tryAttempt("clerk", "203.0.113.9")).as("just before %d s", wait).isFalse();
            clock.move(Duration.ofMillis(1));
            assertThat(throttle.tryAttempt("clerk", "203.0.113.9")).as("after %d s", wait).isTrue();
        }
    }

    @Test
    void theWaitStopsGrowingAtItsCeiling() {
        assertThat(throttle.delay(5)).isZero();
        assertThat(throttle.delay(6)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delay(15)).isEqualTo(Duration.ofSeconds(512));
        assertThat(throttle.delay(16)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delay(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anotherAddressOrAnotherUserIsNotHeldBackAndSuccessStartsAgain() {
        fail("clerk", "203.0.113.9", 8);
        assertThat(throttle.tryAttempt("clerk", "203.0.113.9")).isFalse();
        // the staff member at their own desk, and everyone else, sign in as usual: no lock
        assertThat(throttle.tryAttempt("clerk", "10.1.2.3")).isTrue();
        throttle.succeeded("clerk", "10.1.2.3");
        assertThat(throttle.tryAttempt("other", "203.0.113.9")).isTrue();

        clock.move(Duration.ofSeconds(4));
        assertThat(throttle.tryAttempt("clerk", "203.0.113.9")).isTrue();
        throttle.succeeded("clerk", "203.0.113.9");
        for (int i = 0; i < 6; i++) {
            assertThat(throttle.tryAttempt("clerk", "203.0.113.9")).as("free again, attempt %d", i + 1).isTrue();
        }
    }

    @Test
    void anUnknownUserIsThrottledTheSameWayAndItsNameIsNotStored() {
        String typedPassword = "Secret-typed-into-the-name-field-" + UUID.randomUUID();
        fail(typedPassword, "203.0.113.9", 6);
        assertThat(throttle.tryAttempt(typedPassword, "203.0.113.9")).isFalse();
        assertThat(jdbc.sql("select user_key from login_throttle").query(String.class).list())
                .singleElement().asString().hasSize(64).doesNotContain(typedPassword);
    }

    @Test
    void anAdministratorLiftsTheWaitFromEveryAddress() {
        fail("clerk", "203.0.113.9", 9);
        fail("clerk", "198.51.100.7", 9);
        throttle.forget("clerk");
        assertThat(throttle.tryAttempt("clerk", "203.0.113.9")).isTrue();
        assertThat(throttle.tryAttempt("clerk", "198.51.100.7")).isTrue();
    }

    @Test
    void instancesShareTheCountAndParallelAttemptsCannotSlipPastIt() throws Exception {
        LoginThrottle other = new LoginThrottle(jdbc, PROPERTIES, clock, KEY);
        fail("clerk", "203.0.113.9", 6);
        assertThat(other.tryAttempt("clerk", "203.0.113.9")).as("the other instance sees the wait").isFalse();

        clock.move(Duration.ofSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                LoginThrottle instance = i % 2 == 0 ? throttle : other;
                attempts.add(() -> instance.tryAttempt("clerk", "203.0.113.9"));
            }
            long admitted = 0;
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                admitted += f.get() ? 1 : 0;
            }
            assertThat(admitted).as("one attempt per allowed time, however many arrive together").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClientsParallelRequestsWithinTheFreeFailuresAreNotHeldBack() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                attempts.add(() -> throttle.tryAttempt("clerk", "203.0.113.9"));
            }
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countsUntouchedForADayAreForgotten() {
        fail("clerk", "203.0.113.9", 12);
        clock.move(Duration.ofHours(25));
        for (int i = 0; i < 6; i++) {
            assertThat(throttle.tryAttempt("clerk", "203.0.113.9")).as("attempt %d", i + 1).isTrue();
        }
    }

    private void fail(String user, String client, int times) {
        for (int i = 0; i < times; i++) {
            while (!throttle.tryAttempt(user, client)) {
                clock.move(Duration.ofSeconds(1));
            }
            throttle.failed(user, client);
        }
    }

    private static JdbcClient database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(ds);
    }
}
