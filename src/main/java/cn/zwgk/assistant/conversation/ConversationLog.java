package cn.zwgk.assistant.conversation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The conversation log, read side (for the staff console): every message the conversation module
 * handled with the bot's reply. Messages are written asynchronously (within about
 * {@code conversation.log-flush-interval}), without raw personal data: texts have ID and mobile
 * numbers masked and are at most {@value #MAX_TEXT} characters, senders are known by
 * {@link LoggedMessage#userMasked() a display mask} and {@link #userHash(String) a keyed hash}.
 * Rows older than {@code conversation.log-retention} are deleted daily.
 */
@Service
public class ConversationLog {

    public static final int MAX_TEXT = LogRedactor.MAX_TEXT;
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;
    /** The longest range {@link #volumeByHour} accepts. */
    public static final Duration MAX_VOLUME_RANGE = Duration.ofDays(92);

    private final ConversationLogRepository repository;
    private final LogRedactor redactor;

    ConversationLog(ConversationLogRepository repository, LogRedactor redactor) {
        this.repository = repository;
        this.redactor = redactor;
    }

    /** Page {@code page} (0-based) of {@value #DEFAULT_PAGE_SIZE} matching messages, newest first. */
    public List<LoggedMessage> recent(LogFilter filter, int page) {
        return recent(filter, page, DEFAULT_PAGE_SIZE);
    }

    /** Page {@code page} (0-based) of matching messages, newest first; {@code size} is capped at {@value #MAX_PAGE_SIZE}. */
    public List<LoggedMessage> recent(LogFilter filter, int page, int size) {
        int limit = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        int offset = (int) Math.min(Integer.MAX_VALUE, (long) Math.max(0, page) * limit);
        return repository.find(filter == null ? LogFilter.all() : filter, offset, limit);
    }

    /**
     * Inbound messages per hour, for every hour starting in [{@code from} truncated to the hour,
     * {@code to}), oldest first; hours without messages are included with zero counts.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from} or the range is longer than {@link #MAX_VOLUME_RANGE}
     */
    public List<HourlyVolume> volumeByHour(Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        if (to.isBefore(from) || Duration.between(start, to).compareTo(MAX_VOLUME_RANGE) > 0) {
            throw new IllegalArgumentException("Hourly volume needs from <= to within " + MAX_VOLUME_RANGE.toDays() + " days");
        }
        Map<Instant, HourlyVolume> stored = new HashMap<>();
        for (HourlyVolume v : repository.volume(start, to)) {
            stored.put(v.hour(), v);
        }
        List<HourlyVolume> hours = new ArrayList<>();
        for (Instant h = start; h.isBefore(to); h = h.plus(1, ChronoUnit.HOURS)) {
            hours.add(stored.getOrDefault(h, new HourlyVolume(h, 0, 0)));
        }
        return hours;
    }

    /** The pseudonym under which a sender's messages are logged (to show one citizen's thread). */
    public String userHash(String openid) {
        return redactor.userHash(openid);
    }
}
