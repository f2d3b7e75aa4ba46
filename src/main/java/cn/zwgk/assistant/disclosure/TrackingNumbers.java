package cn.zwgk.assistant.disclosure;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tracking numbers {@code YSQ-<year>-<000123>} from a per-year counter row (same SQL on H2 and
 * PostgreSQL). Each number is taken in a short transaction of its own, so the counter row is locked
 * only for the increment and the read, never for the submission that uses the number: concurrent
 * submissions on any instance get distinct numbers without queueing behind each other.
 *
 * <p>Numbers are unique but not gap-free: a submission that rolls back after taking its number
 * (invalid data, a lost race for the same draft, a crash) leaves that number unused. That is
 * acceptable for tracking numbers, which only identify cases and are not a statutory register.
 * Call {@link #next} outside any transaction (as {@link DisclosureService} does); inside one it
 * would need a second pooled connection.
 */
@Component
class TrackingNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    TrackingNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next number of {@code year}, committed before this returns. */
    String next(int year) {
        Long value = own.execute(s -> take(year));
        if (value == null) {
            createYear(year);
            value = own.execute(s -> take(year));
        }
        if (value == null) {
            throw new IllegalStateException("No tracking number counter for " + year);
        }
        return format(year, value);
    }

    private Long take(int year) {
        if (jdbc.sql("update disclosure_counter set last_value = last_value + 1 where counter_year = ?")
                .param(year).update() == 0) {
            return null;
        }
        return jdbc.sql("select last_value from disclosure_counter where counter_year = ?")
                .param(year).query(Long.class).single();
    }

    /** Creates the year's row in its own transaction (a duplicate would spoil a transaction on PostgreSQL). */
    private void createYear(int year) {
        try {
            own.executeWithoutResult(s -> jdbc.sql(
                    "insert into disclosure_counter (counter_year, last_value) values (?, 0)").param(year).update());
        } catch (DuplicateKeyException e) {
            // another instance created it first
        }
    }

    static String format(int year, long value) {
        return String.format("YSQ-%d-%06d", year, value);
    }
}
