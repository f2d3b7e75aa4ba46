package cn.zwgk.assistant.access;

import java.time.Instant;
import java.util.Set;

import cn.zwgk.assistant.staff.Role;

/**
 * A person who signs in to the console or calls the API; never carries the password hash.
 *
 * @param failedLogins failed sign-ins in a row, from any address (they slow the next attempts, see LoginThrottle)
 */
public record ConsoleUser(long id, String username, String displayName, Set<Role> roles, boolean enabled,
                          int failedLogins, Instant lastLoginAt) {
}
