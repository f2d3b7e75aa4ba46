package cn.zwgk.assistant.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Working days under the official arrangement: holidays are days off, make-up days (调休) are
 * working days, other days follow Monday–Friday. Counting through a year with no arrangement on
 * record is flagged (log, metric, {@link MissingCalendarYearDetected} event) and the result marked
 * provisional, never silently treated as weekdays only. The warning and the event come once per
 * missing year per day on each instance (every deadline of a December case runs into January: a
 * warning per computation would drown the log); the metric counts every computation.
 */
@Service
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    private static final int MAX_DAYS = 3660;
    private static final long RELOAD_NANOS = 60_000_000_000L;

    private final CalendarRepository repository;
    private final ApplicationEventPublisher events;
    private final MeterRegistry metrics;
    private final TransactionOperations publication;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private final java.util.Map<Integer, LocalDate> flagged = new java.util.concurrent.ConcurrentHashMap<>();

    @Autowired
    WorkingDayCalendar(CalendarRepository repository, ApplicationEventPublisher events, MeterRegistry metrics,
                       PlatformTransactionManager transactions, Clock clock) {
        this(repository, events, metrics, requiresNew(transactions), clock);
    }

    WorkingDayCalendar(CalendarRepository repository, ApplicationEventPublisher events, MeterRegistry metrics,
                       TransactionOperations publication, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.metrics = metrics;
        this.publication = publication;
        this.clock = clock;
    }

    /** The detection is recorded on its own, whether or not the counting caller's transaction commits. */
    private static TransactionOperations requiresNew(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    public boolean isWorkingDay(LocalDate day) {
        return snapshot().isWorkingDay(day);
    }

    /** The date {@code days} working days after {@code from} ({@code from} itself not counted). */
    public WorkingDate addWorkingDays(LocalDate from, int days) {
        return count(from, days, 1, "add " + days + " working days to " + from);
    }

    /** The working day {@code days} working days before {@code to} ({@code to} itself not counted). */
    public WorkingDate minusWorkingDays(LocalDate to, int days) {
        return count(to, days, -1, "subtract " + days + " working days from " + to);
    }

    private WorkingDate count(LocalDate start, int days, int step, String context) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 0 and " + MAX_DAYS);
        }
        Snapshot s = snapshot();
        Set<Integer> missing = new TreeSet<>();
        LocalDate day = start;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(step);
            if (!s.years.contains(day.getYear())) {
                missing.add(day.getYear());
            }
            if (s.isWorkingDay(day)) {
                counted++;
            }
        }
        if (!missing.isEmpty()) {
            flagMissing(missing, context);
        }
        return new WorkingDate(day, List.copyOf(missing));
    }

    public Set<Integer> coveredYears() {
        return snapshot().years;
    }

    public List<SpecialDay> specialDays(int year) {
        return snapshot().days.values().stream().filter(d -> d.day().getYear() == year).sorted(
                java.util.Comparator.comparing(SpecialDay::day)).toList();
    }

    @Transactional
    public void saveDay(SpecialDay day) {
        repository.saveDay(day);
        snapshot = null;
    }

    @Transactional
    public boolean deleteDay(LocalDate day) {
        boolean deleted = repository.deleteDay(day);
        snapshot = null;
        return deleted;
    }

    /** Records that the official arrangement for {@code year} has been entered in full. */
    @Transactional
    public void markYearPublished(int year, String source) {
        repository.saveYear(year, source);
        snapshot = null;
        flagged.remove(year);
    }

    /** Years from this one to {@code horizon} years ahead with no arrangement on record. */
    public List<Integer> missingYears(int fromYear, int horizon) {
        List<Integer> missing = new ArrayList<>();
        for (int y = fromYear; y <= fromYear + horizon; y++) {
            if (!snapshot().years.contains(y)) {
                missing.add(y);
            }
        }
        return missing;
    }

    private void flagMissing(Set<Integer> years, String context) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        for (int year : years) {
            metrics.counter("calendar.missing.year", "year", Integer.toString(year)).increment();
            if (today.equals(flagged.put(year, today))) {
                log.debug("Working-day calendar has no holiday arrangement for {} ({})", year, context);
                continue;
            }
            log.warn("Working-day calendar has no holiday arrangement for {} ({}); counted Monday–Friday, "
                    + "the result must be checked by staff (reported once a day)", year, context);
            publication.executeWithoutResult(status -> events.publishEvent(new MissingCalendarYearDetected(year, context, today)));
        }
    }

    /** The calendar as last read; reloaded after an edit here and at least every minute (edits elsewhere). */
    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt + RELOAD_NANOS < System.nanoTime()) {
            s = new Snapshot(repository.days().stream().collect(Collectors.toMap(SpecialDay::day, Function.identity())),
                    Set.copyOf(repository.years()), System.nanoTime());
            snapshot = s;
        }
        return s;
    }

    private record Snapshot(Map<LocalDate, SpecialDay> days, Set<Integer> years, long loadedAt) {

        boolean isWorkingDay(LocalDate day) {
            SpecialDay special = days.get(day);
            if (special != null) {
                return special.kind() == DayKind.WORKDAY;
            }
            DayOfWeek dow = day.getDayOfWeek();
            return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
        }
    }
}
