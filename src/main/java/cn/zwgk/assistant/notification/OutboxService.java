package cn.zwgk.assistant.notification;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The only way to send anything out. Messages are stored first and sent by the relay on any
 * instance, with retries and back-off, so nothing is lost while a channel is down and nothing is
 * sent twice for one delivery key.
 */
@Service
public class OutboxService {

    private final OutboxRepository repository;
    private final OutboxRelay relay;

    OutboxService(OutboxRepository repository, OutboxRelay relay) {
        this.repository = repository;
        this.relay = relay;
    }

    /** Stores the message; returns false when its delivery key was already enqueued. */
    public boolean enqueue(OutboundMessage message) {
        boolean added = repository.insert(message);
        if (added) {
            relay.wake();
        }
        return added;
    }

    public Optional<OutboxEntry> find(String deliveryKey) {
        return repository.findByKey(deliveryKey);
    }

    public List<OutboxEntry> recent(int limit) {
        return repository.recent(limit);
    }
}
