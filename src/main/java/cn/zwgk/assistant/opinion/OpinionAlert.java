package cn.zwgk.assistant.opinion;

import java.time.Instant;
import java.util.List;

/** An early-warning alert: a burst of citizen messages on one topic, for officers to confirm or dismiss. */
public record OpinionAlert(long id, String topic, String summary, int users, List<String> samples,
                           List<String> alarmWords, Status status, Instant raisedAt, String decidedBy,
                           Instant decidedAt, Long incidentId) {

    public enum Status { PENDING, CONFIRMED, DISMISSED }
}
