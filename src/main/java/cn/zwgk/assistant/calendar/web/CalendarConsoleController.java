package cn.zwgk.assistant.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zwgk.assistant.calendar.DayKind;
import cn.zwgk.assistant.calendar.SpecialDay;
import cn.zwgk.assistant.calendar.WorkingDayCalendar;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * 工作日历: a year's holidays and make-up working days, whether the year's arrangement has been
 * entered in full, and the years ahead still missing. Everyone may look; changes are ADMIN's.
 */
@Controller
class CalendarConsoleController {


    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2100;

    private final WorkingDayCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    CalendarConsoleController(WorkingDayCalendar calendar, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console/calendar")
    String view(@RequestParam(required = false) Integer year, @RequestParam(required = false) String edit, Model model) {
        int shown = year == null || year < MIN_YEAR || year > MAX_YEAR ? thisYear() : year;
        SpecialDay editing = edit == null ? null : calendar.specialDays(shown).stream()
                .filter(d -> d.day().toString().equals(edit)).findFirst().orElse(null);
        return page(shown, editing == null ? new DayForm("", "HOLIDAY", "") : new DayForm(editing.day().toString(),
                editing.kind().name(), editing.name()), model);
    }

    @PostMapping("/console/calendar/days")
    String saveDay(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String kind,
                   @RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response,
                   RedirectAttributes flash) {
        LocalDate date = null;
        DayKind dayKind = null;
        try {
            date = LocalDate.parse(day.strip());
            dayKind = DayKind.valueOf(kind);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            date = null;
        }
        String label = name.strip();
        if (date == null || date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR || label.isEmpty()
                || label.length() > 100 || label.codePoints().anyMatch(Character::isISOControl)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", text("calendar.day-invalid"));
            int year = date == null || date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR ? thisYear() : date.getYear();
            return page(year, new DayForm(day, kind, name), model);
        }
        calendar.saveDay(new SpecialDay(date, dayKind, label));
        flash.addFlashAttribute("ok", text("calendar.day-saved", date.toString(), label));
        return "redirect:/console/calendar?year=" + date.getYear();
    }

    @PostMapping("/console/calendar/days/{day}/delete")
    String deleteDay(@PathVariable String day, RedirectAttributes flash) {
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            flash.addFlashAttribute("error", text("calendar.day-invalid"));
            return "redirect:/console/calendar";
        }
        if (calendar.deleteDay(date)) {
            flash.addFlashAttribute("ok", text("calendar.day-deleted", date.toString()));
        }
        return "redirect:/console/calendar?year=" + date.getYear();
    }

    @PostMapping("/console/calendar/years/{year}/publish")
    String publishYear(@PathVariable int year, @RequestParam(defaultValue = "") String source, RedirectAttributes flash) {
        if (year < MIN_YEAR || year > MAX_YEAR || source.isBlank() || source.strip().length() > 500) {
            flash.addFlashAttribute("error", text("calendar.year-source"));
        } else {
            calendar.markYearPublished(year, source.strip());
            flash.addFlashAttribute("ok", text("calendar.year-published", Integer.toString(year)));
        }
        return "redirect:/console/calendar?year=" + Math.min(Math.max(year, MIN_YEAR), MAX_YEAR);
    }

    private String page(int year, DayForm form, Model model) {
        List<SpecialDay> days = calendar.specialDays(year);
        model.addAttribute("year", year);
        model.addAttribute("days", days);
        model.addAttribute("holidays", days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count());
        model.addAttribute("workdays", days.stream().filter(d -> d.kind() == DayKind.WORKDAY).count());
        model.addAttribute("published", calendar.coveredYears().contains(year));
        model.addAttribute("coveredYears", calendar.coveredYears().stream().sorted().toList());
        model.addAttribute("missingYears", calendar.missingYears(thisYear(), 1));
        model.addAttribute("form", form);
        return "calendar/calendar";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private int thisYear() {
        return OfficeTime.today(clock).getYear();
    }

    record DayForm(String day, String kind, String name) {
    }
}
