package cn.zwgk.assistant.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zwgk.assistant.notification.OutboundFailed;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.notification.StaffAlert;
import cn.zwgk.assistant.support.IntegrationTest;

/**
 * A staff notice that failed for good on WeChat falls back to the member's WeCom robot. The fallback is
 * an {@code @ApplicationModuleListener}: it runs after the outbox recorded the failure, and the event waits
 * in the publication registry until it has. Failures of citizen messages are no staff matter: no
 * publication is even recorded for them.
 */
@IntegrationTest
class StaffChannelFallbackIT {

    private static final String LISTENER = "cn.zwgk.assistant.staff.StaffNotifier.onFailure%";

    @Autowired StaffDirectory directory;
    @Autowired OutboxService outbox;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void aStaffNoticeThatFailedOnWechatGoesToTheRobotOnce() throws Exception {
        String openid = "oFallback" + UUID.randomUUID().toString().substring(0, 8);
        directory.add("值班员", "办公室", Set.of(Role.HANDLER), openid, "http://127.0.0.1:9/cgi-bin/webhook/send?key=k");
        String key = StaffNotifier.KEY_PREFIX + "test-" + openid + ":" + openid;
        String payload = new tools.jackson.databind.json.JsonMapper().writeValueAsString(
                new StaffAlert("提醒", "案件即将到期", "ref", "2026-12-07", null, true));
        OutboundFailed failed = new OutboundFailed(key, "WECHAT_TEMPLATE", null, openid, payload, "43004 unsubscribed");

        tx.executeWithoutResult(s -> events.publishEvent(failed));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(outbox.find(key + ":via:WECOM_ROBOT")).isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> publications() == 0);

        // heard again (a resubmission): the fallback's delivery key keeps it to one message
        tx.executeWithoutResult(s -> events.publishEvent(failed));
        await().atMost(Duration.ofSeconds(10)).until(() -> publications() == 0);
        assertThat(outbox.recent(500)).filteredOn(e -> e.deliveryKey().startsWith(key + ":via:")).hasSize(1);
    }

    @Test
    void aCitizenMessageThatFailedRecordsNoPublicationForStaff() {
        tx.executeWithoutResult(s -> {
            events.publishEvent(new OutboundFailed("reply:abc", "CUSTOMER_SERVICE", "wx1", "oCitizen", "{}", "45015"));
            assertThat(publications()).isZero();
        });
    }

    private long publications() {
        return jdbc.sql("select count(*) from event_publication where listener_id like ?").param(LISTENER)
                .query(Long.class).single();
    }
}
