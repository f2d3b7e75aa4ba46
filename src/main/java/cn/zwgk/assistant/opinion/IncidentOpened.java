package cn.zwgk.assistant.opinion;

import java.time.Instant;
import java.util.List;

/**
 * An incident was opened; its clocks start now.
 *
 * @param responsible the officer's openid when it was opened on WeChat, else null
 * @param alertsAt    per milestone, the instants its alerts should go out (before and at the deadline)
 */
public record IncidentOpened(long id, String title, Severity severity, Instant openedAt, String responsible,
                             List<Milestone> milestones, List<List<Instant>> alertsAt) {
}
