package cn.zwgk.assistant.reminder;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import cn.zwgk.assistant.platform.Texts;

/**
 * The acknowledgement link in a reminder's template message. GET only shows the reminder and a
 * confirm button, so that link previews and prefetchers acknowledge nothing; POST acknowledges it
 * as "收到 N" does, for the recipient the link was issued to. The signed token is the credential:
 * a forged or altered one gets 400, an expired one 410, and neither acknowledges anything.
 */
@Controller
class AckLinkController {

    private static final String VIEW = "reminder/ack";

    private final AckLinks links;
    private final ReminderService reminders;
    private final ReminderProperties properties;
    private final Texts texts;

    AckLinkController(AckLinks links, ReminderService reminders, ReminderProperties properties, Texts texts) {
        this.links = links;
        this.reminders = reminders;
        this.properties = properties;
        this.texts = texts;
    }

    @GetMapping(AckLinks.PATH + "{token}")
    ModelAndView show(@PathVariable String token) {
        return withReminder(token, (check, reminder) -> reminder.acknowledgedAt() != null ? already(reminder)
                : page(HttpStatus.OK, texts.get("reminder.link.prompt-heading", id(reminder)),
                        texts.get("reminder.link.prompt"), reminder, texts.get("reminder.link.confirm")));
    }

    @PostMapping(AckLinks.PATH + "{token}")
    ModelAndView confirm(@PathVariable String token) {
        return withReminder(token, (check, reminder) -> reminders.acknowledge(reminder.id(), check.openid())
                ? page(HttpStatus.OK, texts.get("reminder.link.done-heading"),
                        texts.get("reminder.link.done", id(reminder)), reminder, null)
                : already(reminders.get(reminder.id()).orElse(reminder)));
    }

    private ModelAndView withReminder(String token, Action action) {
        AckLinks.Check check = links.verify(token);
        if (check.outcome() == AckLinks.Outcome.INVALID) {
            return page(HttpStatus.BAD_REQUEST, texts.get("reminder.link.invalid-heading"),
                    texts.get("reminder.link.invalid"), null, null);
        }
        String id = Long.toString(check.reminderId());
        if (check.outcome() == AckLinks.Outcome.EXPIRED) {
            return page(HttpStatus.GONE, texts.get("reminder.link.expired-heading"),
                    texts.get("reminder.link.expired", id), null, null);
        }
        Optional<Reminder> reminder = reminders.get(check.reminderId());
        if (reminder.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, texts.get("reminder.link.unknown-heading"),
                    texts.get("reminder.link.unknown", id), null, null);
        }
        return action.apply(check, reminder.get());
    }

    private ModelAndView already(Reminder reminder) {
        String at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.zone())
                .format(reminder.acknowledgedAt());
        return page(HttpStatus.OK, texts.get("reminder.link.done-heading"),
                texts.get("reminder.link.already", id(reminder), at), reminder, null);
    }

    private ModelAndView page(HttpStatus status, String heading, String message, Reminder reminder, String confirm) {
        ModelAndView view = new ModelAndView(VIEW, status);
        view.addObject("pageTitle", texts.get("reminder.link.page-title"));
        view.addObject("heading", heading);
        view.addObject("message", message);
        view.addObject("reminderTitle", reminder == null ? null : reminder.title());
        view.addObject("reminderText", reminder == null ? null : reminder.text());
        view.addObject("confirm", confirm);
        return view;
    }

    private static String id(Reminder reminder) {
        return Long.toString(reminder.id());
    }

    @FunctionalInterface
    private interface Action {
        ModelAndView apply(AckLinks.Check check, Reminder reminder);
    }
}
