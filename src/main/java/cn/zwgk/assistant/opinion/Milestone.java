package cn.zwgk.assistant.opinion;

import java.time.Instant;

/**
 * One response clock of an incident.
 *
 * @param name     {@code authoritative-info}, {@code press-conference} or {@code response}
 * @param dueAt    the latest time the rules allow
 * @param targetAt the office's internal target (e.g. 3 h for the 5 h rule)
 * @param doneAt   when it was recorded as done, or null while the clock runs
 */
public record Milestone(String name, Instant dueAt, Instant targetAt, Instant doneAt, String doneBy) {

    public static final String AUTHORITATIVE_INFO = "authoritative-info";
    public static final String PRESS_CONFERENCE = "press-conference";
    public static final String RESPONSE = "response";

    public boolean done() {
        return doneAt != null;
    }
}
