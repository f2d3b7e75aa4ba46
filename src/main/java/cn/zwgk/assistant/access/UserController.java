package cn.zwgk.assistant.access;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.staff.Role;

/** Users and the audit trail over the API (ADMIN; the audit trail also SUPERVISOR, see {@link AccessRules}). */
@RestController
@RequestMapping("/api")
class UserController {

    record NewUser(String username, String displayName, String password, Set<Role> roles) {
    }

    record Password(String password) {
    }

    private final UserAccounts accounts;
    private final AuditLog audit;

    UserController(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/users")
    List<ConsoleUser> list() {
        return accounts.list();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    ConsoleUser create(@RequestBody NewUser user) {
        return accounts.create(user.username(), user.displayName(), user.password(), user.roles());
    }

    @PutMapping("/users/{username}/roles")
    ConsoleUser roles(@PathVariable String username, @RequestBody Set<Role> roles) {
        return accounts.setRoles(username, roles);
    }

    @PostMapping("/users/{username}/enabled")
    ConsoleUser enabled(@PathVariable String username, @RequestParam boolean value) {
        return accounts.setEnabled(username, value);
    }

    @PostMapping("/users/{username}/unlock")
    ConsoleUser unlock(@PathVariable String username) {
        return accounts.unlock(username);
    }

    @PostMapping("/users/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void password(@PathVariable String username, @RequestBody Password password) {
        accounts.resetPassword(username, password.password());
    }

    @GetMapping("/audit")
    List<AuditLog.Entry> audit(@RequestParam(required = false) String subject,
                               @RequestParam(defaultValue = "100") int limit) {
        return subject == null || subject.isBlank() ? audit.recent(Math.min(Math.max(limit, 1), 1000))
                : audit.forSubject(subject);
    }
}
