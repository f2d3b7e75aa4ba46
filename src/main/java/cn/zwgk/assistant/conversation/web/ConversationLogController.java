package cn.zwgk.assistant.conversation.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.zwgk.assistant.conversation.ConversationLog;
import cn.zwgk.assistant.conversation.HourlyVolume;
import cn.zwgk.assistant.conversation.LogFilter;
import cn.zwgk.assistant.conversation.LoggedMessage;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * 对话记录: what citizens wrote and what the bot answered, personal data already masked when it was
 * logged and citizens shown by pseudonym. Also the dashboard's message-volume chart.
 */
@Controller
class ConversationLogController {


    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(OfficeTime.ZONE);

    private final ConversationLog log;
    private final MessageSource messages;
    private final Clock clock;

    ConversationLogController(ConversationLog log, MessageSource messages, Clock clock) {
        this.log = log;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console/conversations")
    String list(@RequestParam(required = false) String user, @RequestParam(required = false) String text,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        LogFilter filter = new LogFilter(blankToNull(user), blankToNull(text), startOf(from),
                to == null ? null : startOf(to.plusDays(1)));
        List<LoggedMessage> messages = log.recent(filter, current);
        model.addAttribute("messages", messages);
        model.addAttribute("user", user);
        model.addAttribute("text", text);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("page", current);
        model.addAttribute("hasMore", messages.size() == ConversationLog.DEFAULT_PAGE_SIZE);
        return "conversation/conversations";
    }

    /** Inbound messages per hour over the last 48 hours, for the dashboard chart. */
    @GetMapping("/console/dashboard/volume")
    @ResponseBody
    Map<String, Object> volume() {
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        List<HourlyVolume> hours = log.volumeByHour(to.minus(Duration.ofHours(48)), to);
        return Map.of("labels", hours.stream().map(h -> HOUR.format(h.hour())).toList(),
                "series", List.of(
                        Map.of("name", word("dashboard.volume.messages"), "values", hours.stream().map(HourlyVolume::inbound).toList()),
                        Map.of("name", word("dashboard.volume.users"), "values", hours.stream().map(HourlyVolume::users).toList())));
    }

    private String word(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(OfficeTime.ZONE).toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
