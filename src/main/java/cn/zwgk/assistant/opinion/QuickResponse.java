package cn.zwgk.assistant.opinion;

import java.time.Instant;

/** One version of an incident's approved quick response (口径). */
public record QuickResponse(long id, long incidentId, int version, String text, Status status, String issuedBy,
                            Instant issuedAt, String approvedBy, Instant publishedAt, Instant endedAt) {

    public enum Status { PENDING_APPROVAL, PUBLISHED, SUPERSEDED, WITHDRAWN }
}
