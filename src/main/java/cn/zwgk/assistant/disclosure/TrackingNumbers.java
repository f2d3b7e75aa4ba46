package cn.zwgk.assistant.disclosure;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tracking numbers {@code YSQ-<year>-<000123>} from a per-year counter row. The increment locks the
 * row until the transaction ends, so concurrent submissions on any instance get distinct numbers
 * (same SQL on H2 and PostgreSQL).
 */
@Component
class TrackingNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;

    TrackingNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(int year) {
        if (increment(year) == 0) {
            createYear(year);
            if (increment(year) == 0) {
                throw new IllegalStateException("No tracking number counter for " + year);
            }
        }
        long value = jdbc.sql("select last_value from disclosure_counter where counter_year = ?")
                .param(year).query(Long.class).single();
        return format(year, value);
    }

    private int increment(int year) {
        return jdbc.sql("update disclosure_counter set last_value = last_value + 1 where counter_year = ?")
                .param(year).update();
    }

    /** Creates the year's row in its own transaction (a duplicate would spoil the caller's on PostgreSQL). */
    private void createYear(int year) {
        try {
            separate.executeWithoutResult(s -> jdbc.sql(
                    "insert into disclosure_counter (counter_year, last_value) values (?, 0)").param(year).update());
        } catch (DuplicateKeyException e) {
            // another instance created it first
        }
    }

    static String format(int year, long value) {
        return String.format("YSQ-%d-%06d", year, value);
    }
}
