package cn.zwgk.assistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import cn.zwgk.assistant.support.RepositoryTest;

/** {@link HandoffRepository} on the migrated schema (H2, PostgreSQL mode). */
@RepositoryTest
@Import(HandoffRepository.class)
class HandoffRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    @Autowired
    HandoffRepository handoffs;

    @Test
    void aCitizenHasAtMostOneOpenHandoffAndMayOpenAnotherOnceItIsClosed() {
        long first = handoffs.open("wxApp", "oCitizen", T0).orElseThrow();
        assertThat(handoffs.open("wxApp", "oCitizen", T0.plusSeconds(5))).as("one open per citizen").isEmpty();
        assertThat(handoffs.open("wxOther", "oCitizen", T0)).as("another account's citizen").isPresent();

        Handoff waiting = handoffs.openOf("wxApp", "oCitizen").orElseThrow();
        assertThat(waiting.id()).isEqualTo(first);
        assertThat(waiting.status()).isEqualTo(Handoff.Status.WAITING);
        assertThat(waiting.requestedAt()).isEqualTo(T0);
        assertThat(waiting.lastActivityAt()).isEqualTo(T0);

        assertThat(handoffs.close(first, "STAFF", T0.plusSeconds(60))).isTrue();
        assertThat(handoffs.close(first, "IDLE", T0.plusSeconds(61))).as("closed already").isFalse();
        Handoff closed = handoffs.find(first).orElseThrow();
        assertThat(closed.status()).isEqualTo(Handoff.Status.CLOSED);
        assertThat(closed.closeReason()).isEqualTo("STAFF");
        assertThat(closed.closedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(handoffs.openOf("wxApp", "oCitizen")).isEmpty();

        long second = handoffs.open("wxApp", "oCitizen", T0.plusSeconds(120)).orElseThrow();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void oneStaffMemberTakesAWaitingHandoff() {
        long id = handoffs.open("wxApp", "oCitizenA", T0).orElseThrow();
        assertThat(handoffs.take(id, "handler-a", T0.plusSeconds(10))).isTrue();
        assertThat(handoffs.take(id, "handler-b", T0.plusSeconds(11))).as("held by handler-a").isFalse();
        Handoff held = handoffs.find(id).orElseThrow();
        assertThat(held.status()).isEqualTo(Handoff.Status.HELD);
        assertThat(held.takenBy()).isEqualTo("handler-a");
        assertThat(held.takenAt()).isEqualTo(T0.plusSeconds(10));
        handoffs.close(id, "STAFF", T0.plusSeconds(20));
        assertThat(handoffs.take(id, "handler-b", T0.plusSeconds(30))).as("closed").isFalse();
    }

    @Test
    void theOpenOnesOldestFirstAndTheHeldOnesGoneIdle() {
        long older = handoffs.open("wxApp", "oOlder", T0).orElseThrow();
        long newer = handoffs.open("wxApp", "oNewer", T0.plusSeconds(30)).orElseThrow();
        long closed = handoffs.open("wxApp", "oClosed", T0.plusSeconds(1)).orElseThrow();
        handoffs.close(closed, "STAFF", T0.plusSeconds(2));
        assertThat(handoffs.open()).extracting(Handoff::id).containsExactly(older, newer);

        handoffs.take(older, "handler-a", T0.plusSeconds(40));
        handoffs.take(newer, "handler-a", T0.plusSeconds(40));
        handoffs.touch(newer, T0.plus(Duration.ofMinutes(20)));
        handoffs.touch(newer, T0.plus(Duration.ofMinutes(5))); // an older activity does not move it back
        assertThat(handoffs.find(newer).orElseThrow().lastActivityAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
        assertThat(handoffs.heldIdleSince(T0.plus(Duration.ofMinutes(10)))).extracting(Handoff::id)
                .containsExactly(older);
    }

    @Test
    void messagesInTheOrderSentWithTheDeliveryKeyOfAStaffReply() {
        long id = handoffs.open("wxApp", "oCitizenM", T0).orElseThrow();
        handoffs.addMessage(id, HandoffMessage.Sender.CITIZEN, null, "你好，我想问一下", T0.plusSeconds(1));
        long reply = handoffs.addMessage(id, HandoffMessage.Sender.STAFF, "handler-a", "x".repeat(2500),
                T0.plusSeconds(2));
        handoffs.setDeliveryKey(reply, "handoff:" + id + ":" + reply);

        assertThat(handoffs.messages(id)).satisfiesExactly(
                citizen -> {
                    assertThat(citizen.sender()).isEqualTo(HandoffMessage.Sender.CITIZEN);
                    assertThat(citizen.text()).isEqualTo("你好，我想问一下");
                    assertThat(citizen.staffUser()).isNull();
                    assertThat(citizen.deliveryKey()).isNull();
                },
                staff -> {
                    assertThat(staff.id()).isEqualTo(reply);
                    assertThat(staff.staffUser()).isEqualTo("handler-a");
                    assertThat(staff.text()).hasSize(2000).endsWith("…");
                    assertThat(staff.sentAt()).isEqualTo(T0.plusSeconds(2).truncatedTo(ChronoUnit.MILLIS));
                    assertThat(staff.deliveryKey()).isEqualTo("handoff:" + id + ":" + reply);
                });
    }
}
