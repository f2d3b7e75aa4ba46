package cn.zwgk.assistant.opinion;

import java.time.Instant;
import java.util.List;

/** A public-opinion incident with its clocks and quick responses (newest first). */
public record Incident(long id, String title, Severity severity, List<String> keywords, Status status,
                       Instant openedAt, String openedBy, List<Milestone> milestones, List<QuickResponse> responses) {

    public enum Status { OPEN, CLOSED }
}
