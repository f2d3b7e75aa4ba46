package cn.zwgk.assistant.access;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.staff.Role;

/**
 * Console and API users: created by an administrator (or the first one from the environment),
 * BCrypt-hashed passwords, roles, enabling, and lifting the sign-in delay. Every change is audited.
 */
@Service
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    static final int MIN_PASSWORD_LENGTH = 10;

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final Clock clock;

    UserAccounts(UserRepository users, PasswordEncoder encoder, AuditLog audit, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Transactional
    public ConsoleUser create(String username, String displayName, String password, Set<Role> roles) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("username: 3–64 letters, digits, '.', '_' or '-'");
        }
        checkPassword(password);
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("roles: at least one of " + List.of(Role.values()));
        }
        String shown = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (shown.length() > 100) {
            throw new IllegalArgumentException("displayName: at most 100 characters");
        }
        if (!users.insert(name, shown, encoder.encode(password), roles)) {
            throw new IllegalArgumentException("username already exists: " + name);
        }
        ConsoleUser created = users.byUsername(name).orElseThrow();
        audit.record(AuditLog.currentActor("system"), "USER_CREATED", "user:" + name, null, created);
        return created;
    }

    public List<ConsoleUser> list() {
        return users.all();
    }

    public Optional<ConsoleUser> find(String username) {
        return users.byUsername(username);
    }

    @Transactional
    public ConsoleUser setRoles(String username, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("roles: at least one");
        }
        ConsoleUser before = existing(username);
        users.setRoles(username, roles);
        ConsoleUser after = existing(username);
        audit.record(AuditLog.currentActor("system"), "USER_ROLES_CHANGED", "user:" + username, before.roles(), after.roles());
        return after;
    }

    @Transactional
    public ConsoleUser setEnabled(String username, boolean enabled) {
        existing(username);
        users.setEnabled(username, enabled);
        audit.record(AuditLog.currentActor("system"), enabled ? "USER_ENABLED" : "USER_DISABLED", "user:" + username, null, null);
        return existing(username);
    }

    @Transactional
    public void resetPassword(String username, String newPassword) {
        existing(username);
        checkPassword(newPassword);
        users.setPasswordHash(username, encoder.encode(newPassword));
        users.unlock(username);
        throttle.forget(username);
        audit.record(AuditLog.currentActor("system"), "USER_PASSWORD_RESET", "user:" + username, null, null);
    }

    /** Clears the failed-login count and lifts the sign-in delay from every address. */
    @Transactional
    public ConsoleUser unlock(String username) {
        existing(username);
        users.unlock(username);
        throttle.forget(username);
        audit.record(AuditLog.currentActor("system"), "USER_UNLOCKED", "user:" + username, null, null);
        return existing(username);
    }

    /** Counts a failed login in a row (shown to administrators; the delays are {@link LoginThrottle}'s). */
    void failedLogin(String username) {
        users.recordFailure(username);
    }

    void successfulLogin(String username) {
        users.recordSuccess(username, clock.instant());
    }

    /**
     * The first administrator, from the environment, when nobody can sign in yet. The password's
     * strength is checked by {@link FirstAdmin} according to the profile, not here: the embedded
     * default {@code admin}/{@code admin} is for a developer's machine.
     */
    @Transactional
    boolean createFirstAdmin(String username, String password) {
        if (users.count() > 0 || !users.insert(username, username, encoder.encode(password), Set.of(Role.ADMIN))) {
            return false;
        }
        audit.record("system", "USER_CREATED", "user:" + username, null, users.byUsername(username).orElseThrow());
        return true;
    }

    Optional<String> passwordHash(String username) {
        return users.passwordHash(username);
    }

    private ConsoleUser existing(String username) {
        return users.byUsername(username).orElseThrow(() -> new IllegalArgumentException("no such user: " + username));
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password: at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }
}
