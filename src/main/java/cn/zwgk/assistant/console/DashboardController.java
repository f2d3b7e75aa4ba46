package cn.zwgk.assistant.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.zwgk.assistant.disclosure.CaseStatus;
import cn.zwgk.assistant.disclosure.CaseView;
import cn.zwgk.assistant.disclosure.DisclosureService;
import cn.zwgk.assistant.feedback.RatingService;
import cn.zwgk.assistant.opinion.Incident;
import cn.zwgk.assistant.opinion.IncidentService;
import cn.zwgk.assistant.reminder.ReminderService;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * 工作台: cases due today and overdue, the next reminders, open incidents with their clocks, the share of
 * helpful answers (好差评) by day and by document, message volume.
 */
@Controller
class DashboardController {

    private static final Set<String> FINISHED = Set.of(CaseStatus.REPLIED.name(), CaseStatus.CLOSED.name(),
            CaseStatus.WITHDRAWN.name());

    private final DisclosureService disclosures;
    private final ReminderService reminders;
    private final IncidentService incidents;
    private final RatingService ratings;
    private final Clock clock;

    DashboardController(DisclosureService disclosures, ReminderService reminders, IncidentService incidents,
                        RatingService ratings, Clock clock) {
        this.clock = clock;
        this.disclosures = disclosures;
        this.reminders = reminders;
        this.incidents = incidents;
        this.ratings = ratings;
    }

    @GetMapping("/console")
    String dashboard(Model model) {
        Instant now = clock.instant();
        String today = LocalDate.ofInstant(now, OfficeTime.ZONE).toString();
        List<CaseView> open = disclosures.list(null, null).stream()
                .filter(c -> !FINISHED.contains(c.status()) && c.dueOn() != null).toList();
        model.addAttribute("dueToday", open.stream().filter(c -> c.dueOn().equals(today)).toList());
        model.addAttribute("overdue", open.stream().filter(c -> c.dueOn().compareTo(today) < 0)
                .sorted(Comparator.comparing(CaseView::dueOn)).toList());
        model.addAttribute("upcomingReminders", reminders.pending(null).stream().limit(10).toList());
        List<Incident> active = incidents.all().stream().filter(i -> i.status() == Incident.Status.OPEN).toList();
        model.addAttribute("incidents", active);
        model.addAttribute("ratingsByDay", ratings.byDay(14));
        model.addAttribute("ratingsByDocument", ratings.byDocument(30, 10));
        model.addAttribute("now", now);
        model.addAttribute("zone", OfficeTime.ZONE);
        return "console/dashboard";
    }
}
