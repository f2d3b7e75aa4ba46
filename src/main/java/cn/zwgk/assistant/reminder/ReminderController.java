package cn.zwgk.assistant.reminder;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/reminders}: pending reminders with their next fire time, custom reminders, cancelling. */
@RestController
@RequestMapping("/api/reminders")
class ReminderController {

    private final ReminderService reminders;

    ReminderController(ReminderService reminders) {
        this.reminders = reminders;
    }

    @GetMapping
    List<Reminder> pending(@RequestParam(required = false) String subject) {
        return reminders.pending(subject == null || subject.isBlank() ? null : subject.strip());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Reminder create(@RequestBody NewReminder request) {
        return reminders.createCustom(request.text(), request.recipients(), request.at());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> cancel(@PathVariable long id) {
        return reminders.cancel(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    record NewReminder(String text, List<String> recipients, OffsetDateTime at) {
    }
}
