package cn.zwgk.assistant.reminder;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reminders}: pending reminders with their next fire time, custom reminders (to staff
 * only), cancelling: a custom reminder by anyone who keeps reminders, a statutory one only by an
 * administrator giving {@code ?reason=}.
 */
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
    ResponseEntity<?> cancel(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user) {
        boolean admin = user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return switch (reminders.cancelByStaff(id, user.getName(), admin, reason)) {
            case CANCELLED -> ResponseEntity.noContent().build();
            case NOT_PENDING -> ResponseEntity.notFound().build();
            case STATUTORY -> ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error",
                    "reminder " + id + " is statutory: it changes through its case's workflow, or is cancelled by an "
                            + "administrator giving a reason"));
            case REASON_REQUIRED -> ResponseEntity.badRequest().body(Map.of("error",
                    "cancelling statutory reminder " + id + " needs ?reason= (at most " + ReminderService.MAX_REASON
                            + " characters); it is kept in the audit log"));
        };
    }

    record NewReminder(String text, List<String> recipients, OffsetDateTime at) {
    }
}
