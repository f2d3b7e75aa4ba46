package cn.zwgk.assistant.conversation;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes conversation-log rows older than {@code conversation.log-retention}, daily. Running it on
 * several instances at once is harmless (the same rows are deleted).
 */
@Component
class ConversationLogRetention {

    private static final Logger log = LoggerFactory.getLogger(ConversationLogRetention.class);

    private final ConversationLogRepository repository;
    private final ConversationProperties properties;
    private final Clock clock;

    ConversationLogRetention(ConversationLogRepository repository, ConversationProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${conversation.log-retention-cron:0 45 3 * * *}", zone = "Asia/Shanghai")
    public void run() {
        run(clock.instant());
    }

    /** Returns the number of rows deleted. */
    int run(Instant now) {
        int deleted = repository.deleteBefore(now.minus(properties.logRetention()));
        if (deleted > 0) {
            log.info("Retention: deleted {} conversation log rows older than {}", deleted, properties.logRetention());
        }
        return deleted;
    }
}
