package cn.zwgk.assistant.handoff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Ends held conversations that have been idle for the timeout, every minute, on every instance (each closes once). */
@Component
class HandoffExpiry {

    private static final Logger log = LoggerFactory.getLogger(HandoffExpiry.class);

    private final HandoffService handoffs;

    HandoffExpiry(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    @Scheduled(fixedDelayString = "${handoff.expiry-interval:60s}", initialDelayString = "${handoff.expiry-interval:60s}")
    void run() {
        try {
            int closed = handoffs.closeIdle();
            if (closed > 0) {
                log.info("Ended {} idle handoff(s)", closed);
            }
        } catch (RuntimeException e) {
            log.warn("Idle handoffs not ended this time: {}", e.toString());
        }
    }
}
