package cn.zwgk.assistant.handoff;

import java.time.Instant;

/**
 * A citizen's request for a person (转人工).
 *
 * @param status      WAITING in the queue, HELD by {@code takenBy}, or CLOSED
 * @param closeReason STAFF (closed in the console) or IDLE (no message from either side for the idle timeout)
 */
public record Handoff(long id, String appId, String openid, Status status, Instant requestedAt, String takenBy,
                      Instant takenAt, Instant lastActivityAt, Instant closedAt, String closeReason) {

    public enum Status { WAITING, HELD, CLOSED }

    public boolean open() {
        return status != Status.CLOSED;
    }

    /** The openid as staff see it: its first and last four characters. */
    public String maskedOpenid() {
        return openid.length() <= 8 ? "****" : openid.substring(0, 4) + "…" + openid.substring(openid.length() - 4);
    }
}
