package cn.zwgk.assistant.opinion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The response clocks of B2: (especially) major incidents — authoritative information at the latest
 * 5 h after (internal target 3 h), a press conference within 24 h; general ones — a response within
 * 48 h. Alerts go out at fractions of each clock and at the internal target.
 */
final class ResponseClocks {

    private ResponseClocks() {
    }

    static List<Milestone> milestones(Severity severity, Instant opened, OpinionProperties p) {
        if (severity.major()) {
            return List.of(
                    new Milestone(Milestone.AUTHORITATIVE_INFO, opened.plus(p.authoritativeInfo()),
                            opened.plus(min(p.authoritativeTarget(), p.authoritativeInfo())), null, null),
                    new Milestone(Milestone.PRESS_CONFERENCE, opened.plus(p.pressConference()),
                            opened.plus(p.pressConference()), null, null));
        }
        return List.of(new Milestone(Milestone.RESPONSE, opened.plus(p.generalResponse()),
                opened.plus(p.generalResponse()), null, null));
    }

    /** When the milestone's alerts go out, earliest first, without duplicates. */
    static List<Instant> alerts(Milestone m, Instant opened, OpinionProperties p) {
        long total = Duration.between(opened, m.dueAt()).toMillis();
        TreeSet<Instant> at = new TreeSet<>();
        for (double fraction : p.alertAt()) {
            if (fraction > 0 && fraction <= 1) {
                at.add(opened.plusMillis(Math.round(total * fraction)));
            }
        }
        if (m.targetAt().isBefore(m.dueAt())) {
            at.add(m.targetAt());
        }
        at.add(m.dueAt());
        return new ArrayList<>(at);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
