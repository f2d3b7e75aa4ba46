package cn.zwgk.assistant.opinion;

/** A response milestone was recorded as done: its alerts stop. */
public record MilestoneCompleted(long incidentId, String name) {
}
