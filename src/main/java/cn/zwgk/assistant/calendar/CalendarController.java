package cn.zwgk.assistant.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Working-day arithmetic and the admin's calendar editor. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    CalendarController(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** {@code {"date":"YYYY-MM-DD"}}, plus {@code provisional} and {@code missingYears} when flagged. */
    @GetMapping("/add-working-days")
    Map<String, Object> addWorkingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam int days) {
        WorkingDate result = calendar.addWorkingDays(from, days);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", result.date().toString());
        if (result.provisional()) {
            body.put("provisional", true);
            body.put("missingYears", result.missingYears());
        }
        return body;
    }

    @GetMapping("/days")
    List<SpecialDay> days(@RequestParam int year) {
        return calendar.specialDays(year);
    }

    @PutMapping("/days/{day}")
    SpecialDay saveDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                       @RequestBody DayRequest request) {
        checkYear(day.getYear());
        if (request.kind() == null || request.name() == null || request.name().isBlank() || request.name().length() > 100
                || request.name().codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("kind (HOLIDAY or WORKDAY) and a name of at most 100 characters, "
                    + "without control characters, are required");
        }
        SpecialDay saved = new SpecialDay(day, request.kind(), request.name().strip());
        calendar.saveDay(saved);
        return saved;
    }

    @DeleteMapping("/days/{day}")
    ResponseEntity<Void> deleteDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return calendar.deleteDay(day) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @PutMapping("/years/{year}")
    Map<String, Object> publishYear(@PathVariable int year, @RequestBody YearRequest request) {
        checkYear(year);
        if (request.source() == null || request.source().isBlank() || request.source().length() > 500) {
            throw new IllegalArgumentException("the source of the year's arrangement (at most 500 characters) is required");
        }
        calendar.markYearPublished(year, request.source().strip());
        return status();
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("the year must be between 2000 and 2100, not " + year);
        }
    }

    @GetMapping("/status")
    Map<String, Object> status() {
        int thisYear = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()).getYear();
        return Map.of("coveredYears", calendar.coveredYears(), "missingYears", calendar.missingYears(thisYear, 1));
    }

    record DayRequest(DayKind kind, String name) {
    }

    record YearRequest(String source) {
    }
}
