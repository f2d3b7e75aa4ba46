package cn.zwgk.assistant.handoff;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.notification.StaffAlert;
import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.platform.Masking;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.staff.StaffNotifier;
import cn.zwgk.assistant.wechat.Account;
import cn.zwgk.assistant.wechat.AccountRegistry;

/**
 * 转人工: a citizen asks for a person; on-duty staff take the request in the console, reply, and close
 * it. While a request waits in working hours or is held, the bot stays silent for that citizen
 * ({@link HeldConversations}); a held conversation with no message from either side for
 * {@code handoff.idle-timeout} ends ({@link #closeIdle}). Staff replies and notices go out as
 * customer-service messages through the outbox, within WeChat's window and quota.
 */
@Service
public class HandoffService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    /** What asking for a person led to. */
    public enum Requested { QUEUED, QUEUED_OFF_HOURS, ALREADY_OPEN }

    private final HandoffRepository repository;
    private final HeldConversations held;
    private final WorkingHours hours;
    private final OutboxService outbox;
    private final StaffNotifier staff;
    private final AuditLog audit;
    private final AccountRegistry accounts;
    private final Texts texts;
    private final HandoffProperties properties;
    private final Clock clock;

    HandoffService(HandoffRepository repository, HeldConversations held, WorkingHours hours, OutboxService outbox,
                   StaffNotifier staff, AuditLog audit, AccountRegistry accounts, Texts texts,
                   HandoffProperties properties, Clock clock) {
        this.accounts = accounts;
        this.repository = repository;
        this.held = held;
        this.hours = hours;
        this.outbox = outbox;
        this.staff = staff;
        this.audit = audit;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the account hands requests for a person to WeChat's own customer-service system instead. */
    public boolean handledByWechat(String appId) {
        return accounts.find(appId).map(Account::wechatCustomerServiceSystem).orElse(false);
    }

    /** Whether citizens of this account can talk to a person here: staff reply with customer-service messages. */
    public boolean available(String appId) {
        return accounts.find(appId).map(Account::customerService).orElse(false);
    }

    /**
     * The line that offers a person, for a citizen the bot has not helped twice in a row (two unhelpful
     * ratings, two questions without an answer); empty where the account offers no person.
     */
    public Optional<String> offer(String appId) {
        return available(appId) || handledByWechat(appId) ? Optional.of(texts.get("handoff.offer")) : Optional.empty();
    }

    /** The citizen asked for a person: queues the request and tells on-duty staff. */
    @Transactional
    public Requested request(String appId, String openid) {
        Instant now = clock.instant();
        Optional<Long> id = repository.open(appId, openid, now);
        if (id.isEmpty()) {
            return Requested.ALREADY_OPEN;
        }
        boolean open = hours.open(now);
        if (open) {
            held.hold(appId, openid, id.get());
        }
        staff.notifyRole("handoff:" + id.get(), properties.onDuty(), new StaffAlert(texts.get("console.handoff.alert-title"),
                texts.get("console.handoff.alert-body"), "#" + id.get(),
                WHEN.format(now.atZone(properties.zone())), "/console/handoff/" + id.get(), false));
        return open ? Requested.QUEUED : Requested.QUEUED_OFF_HOURS;
    }

    /** When staff are next there, as the citizen reads it ("12月8日 09:00"), or empty when unknown. */
    public Optional<String> nextOpening() {
        return hours.nextOpening(clock.instant()).map(WHEN::format);
    }

    public List<Handoff> queue() {
        return repository.open();
    }

    public Optional<Handoff> find(long id) {
        return repository.find(id);
    }

    public List<HandoffMessage> messages(long id) {
        return repository.messages(id);
    }

    /** Takes a waiting request; false when someone else took it first or it is closed. */
    @Transactional
    public boolean take(long id, String staffUser) {
        Optional<Handoff> h = repository.find(id);
        if (h.isEmpty() || !repository.take(id, staffUser, clock.instant())) {
            return false;
        }
        held.hold(h.get().appId(), h.get().openid(), id);
        send(h.get(), "handoff:" + id + ":taken", texts.get("handoff.taken"));
        audit.record(staffUser, "handoff.take", "handoff:" + id, null, null);
        return true;
    }

    /** Sends a staff reply to the citizen; false when the handoff is not held by this staff member. */
    @Transactional
    public boolean reply(long id, String staffUser, String text) {
        Optional<Handoff> h = repository.find(id);
        if (h.isEmpty() || h.get().status() != Handoff.Status.HELD || !staffUser.equals(h.get().takenBy())) {
            return false;
        }
        Instant now = clock.instant();
        long message = repository.addMessage(id, HandoffMessage.Sender.STAFF, staffUser, Masking.scrub(text), now);
        String key = "handoff:" + id + ":m" + message;
        repository.setDeliveryKey(message, key);
        repository.touch(id, now);
        held.hold(h.get().appId(), h.get().openid(), id);
        send(h.get(), key, text);
        audit.record(staffUser, "handoff.reply", "handoff:" + id, null, Masking.scrub(text));
        return true;
    }

    /** A message from the citizen while a person holds the conversation. */
    void citizenWrote(long id, String text) {
        Instant now = clock.instant();
        repository.addMessage(id, HandoffMessage.Sender.CITIZEN, null, Masking.scrub(text), now);
        repository.touch(id, now);
    }

    /** Closes the handoff in the console; the citizen is told. */
    @Transactional
    public boolean close(long id, String staffUser) {
        Optional<Handoff> h = repository.find(id);
        if (h.isEmpty() || !repository.close(id, "STAFF", clock.instant())) {
            return false;
        }
        held.release(h.get().appId(), h.get().openid());
        if (h.get().status() == Handoff.Status.HELD) {
            send(h.get(), "handoff:" + id + ":closed", texts.get("handoff.ended"));
        }
        audit.record(staffUser, "handoff.close", "handoff:" + id, null, null);
        return true;
    }

    /** Ends held conversations idle for the timeout; each is closed once, by whichever instance gets there first. */
    @Transactional
    public int closeIdle() {
        Instant now = clock.instant();
        int closed = 0;
        for (Handoff h : repository.heldIdleSince(now.minus(properties.idleTimeout()))) {
            if (repository.close(h.id(), "IDLE", now)) {
                held.release(h.appId(), h.openid());
                send(h, "handoff:" + h.id() + ":closed", texts.get("handoff.ended-idle"));
                closed++;
            }
        }
        return closed;
    }

    public String deliveryState(String deliveryKey) {
        return deliveryKey == null ? "" : outbox.find(deliveryKey).map(e -> e.status().name()).orElse("");
    }

    private void send(Handoff h, String key, String text) {
        outbox.enqueue(OutboundMessage.customerService(key, h.appId(), h.openid(), text));
    }
}
