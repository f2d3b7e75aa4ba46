package cn.zwgk.assistant.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zwgk.assistant.support.IntegrationTest;

/** Enqueueing a delivery key twice sends once, and leaves the caller's transaction usable (PostgreSQL too). */
@IntegrationTest
class OutboxIdempotenceIT {

    @Autowired
    OutboxService outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRepeatedKeyIsIgnoredWithoutSpoilingTheTransaction() {
        Integer afterwards = transactions.execute(status -> {
            assertThat(outbox.enqueue(new OutboundMessage("test:idem:1", "NO_SUCH_CHANNEL", null, "someone", "x"))).isTrue();
            assertThat(outbox.enqueue(new OutboundMessage("test:idem:1", "NO_SUCH_CHANNEL", null, "someone", "y"))).isFalse();
            // the transaction must still work after the ignored duplicate
            return jdbc.sql("select count(*) from outbox_message where delivery_key = 'test:idem:1'").query(Integer.class).single();
        });
        assertThat(afterwards).isEqualTo(1);
        assertThat(outbox.find("test:idem:1")).get().extracting(OutboxEntry::payload).isEqualTo("x");
    }
}
