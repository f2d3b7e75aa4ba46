package cn.zwgk.assistant.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.Scenario;

import cn.zwgk.assistant.support.ModuleTest;

/**
 * The outbox alone: a message is stored once per delivery key and sent by the relay; one its channel
 * refuses for good is marked failed and announced as {@link OutboundFailed}, for whoever can try another way.
 */
@ModuleTest
class NotificationModuleTest {

    static final List<String> sent = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Channels {

        @Bean
        OutboundChannel recording() {
            return new OutboundChannel() {
                public String name() {
                    return "TEST_OK";
                }

                public void send(OutboundMessage message) {
                    sent.add(message.deliveryKey());
                }
            };
        }

        @Bean
        OutboundChannel refusing() {
            return new OutboundChannel() {
                public String name() {
                    return "TEST_REFUSING";
                }

                public void send(OutboundMessage message) throws DeliveryException {
                    throw DeliveryException.permanent("43004 require subscribe");
                }
            };
        }
    }

    @Autowired
    OutboxService outbox;

    @Test
    void aMessageIsStoredOncePerKeyAndSentOnce(Scenario scenario) {
        OutboundMessage message = new OutboundMessage("module-test:ok", "TEST_OK", null, "oRecipient", "{}");
        scenario.stimulate(() -> List.of(outbox.enqueue(message), outbox.enqueue(message)))
                .andWaitForStateChange(() -> sent.contains("module-test:ok"))
                .andVerify(ok -> assertThat(sent).containsOnlyOnce("module-test:ok"));
    }

    @Test
    void aPermanentRefusalIsMarkedFailedAndAnnounced(Scenario scenario) {
        scenario.stimulate(() -> outbox.enqueue(new OutboundMessage("module-test:refused", "TEST_REFUSING", null,
                        "oRecipient", "{\"text\":\"x\"}")))
                .andWaitForEventOfType(OutboundFailed.class)
                .matching(e -> e.deliveryKey().equals("module-test:refused"))
                .toArriveAndVerify(e -> {
                    assertThat(e.error()).contains("43004");
                    assertThat(outbox.find("module-test:refused")).get().extracting(OutboxEntry::status)
                            .hasToString("FAILED");
                });
    }
}
