package cn.zwgk.assistant.access;

import java.time.Instant;
import java.util.Set;

import cn.zwgk.assistant.staff.Role;

/** A person who signs in to the console or calls the API; never carries the password hash. */
public record ConsoleUser(long id, String username, String displayName, Set<Role> roles, boolean enabled,
                          int failedLogins, Instant lockedUntil, Instant lastLoginAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
