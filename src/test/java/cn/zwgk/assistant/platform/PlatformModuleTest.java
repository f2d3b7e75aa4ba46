package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import cn.zwgk.assistant.support.ModuleTest;

/**
 * The platform alone: an event some listener still owes work for waits in {@code event_publication} sealed
 * with the personal-data key, and when that listener fails it is resubmitted by {@link EventRetry}, read back
 * from the sealed row.
 */
@ModuleTest
@TestPropertySource(properties = "platform.event-retry-interval=1s")
class PlatformModuleTest {

    record CitizenWrote(String openid, String text) {
    }

    // static: the listener bean is a proxy (async, transactional), whose own fields stay empty
    static final List<String> storedRows = new CopyOnWriteArrayList<>();
    static final List<CitizenWrote> delivered = new CopyOnWriteArrayList<>();

    /** Fails the first time, after noting what the registry holds for it; records every delivery. */
    static class FlakyListener {

        private final AtomicBoolean failed = new AtomicBoolean();
        private final JdbcTemplate jdbc;

        FlakyListener(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @ApplicationModuleListener
        void on(CitizenWrote event) {
            delivered.add(event);
            if (failed.compareAndSet(false, true)) {
                storedRows.addAll(jdbc.queryForList("select serialized_event from event_publication where event_type = ?",
                        String.class, CitizenWrote.class.getName()));
                throw new IllegalStateException("module test: the listener fails once");
            }
        }
    }

    @TestConfiguration
    static class Listeners {

        @Bean
        FlakyListener flakyListener(JdbcTemplate jdbc) {
            return new FlakyListener(jdbc);
        }
    }

    @Autowired
    EventSerializer serializer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPendingEventIsStoredSealedAndRedeliveredAfterItsListenerFailed(Scenario scenario) {
        CitizenWrote event = new CitizenWrote("oPlatform", "我的电话13800138000");
        scenario.publish(event)
                .andWaitForStateChange(() -> delivered, events -> events.size() == 2)
                .andVerify(events -> {
                    assertThat(events).containsExactly(event, event);
                    assertThat(serializer).isInstanceOf(SealedEventSerializer.class);
                    assertThat(storedRows).singleElement().asString().startsWith("v1:")
                            .doesNotContain("13800138000").doesNotContain("oPlatform");
                });
        // delivered: nothing is owed any more
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where event_type = ?", Integer.class,
                CitizenWrote.class.getName()) == 0);
    }
}
