package cn.zwgk.assistant.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.PersonalDataCipher;

/**
 * Failed sign-ins slow down the next attempt with the same user name from the same client address:
 * the first {@code access.free-failed-logins} cost nothing, then each further failure doubles the
 * wait before another attempt is even considered, from {@code access.login-delay} up to
 * {@code access.max-login-delay}. It is not a lock: nobody can shut a member of staff out from
 * another address, and an attempt refused here gets the same answer as a wrong password.
 *
 * <p>The state is in the database, so every instance sees it. Each attempt is counted before the
 * password is checked and forgotten when it succeeds, so attempts sent in parallel cannot slip past
 * the count; counts untouched for a day are forgotten. The user name is kept as an HMAC under a key
 * derived from the data key: a password typed into the name field is never stored.
 */
@Component
class LoginThrottle {

    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final int MAX_CLIENT = 64;

    private final JdbcClient jdbc;
    private final AccessProperties properties;
    private final Clock clock;
    private final byte[] key;
    private volatile Instant lastPurge = Instant.EPOCH;

    @Autowired
    LoginThrottle(JdbcClient jdbc, AccessProperties properties, Clock clock, PersonalDataCipher cipher) {
        this(jdbc, properties, clock, cipher.derivedKey("login-throttle"));
    }

    LoginThrottle(JdbcClient jdbc, AccessProperties properties, Clock clock, byte[] key) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.key = key.clone();
    }

    /**
     * Whether an attempt by {@code username} from {@code client} may go ahead now. Within the free
     * failures it always may, and nothing is written (a client's parallel requests are not slowed).
     * Past them, one attempt takes the slot of the current wait and is counted as a failure until it
     * succeeds, so parallel guesses cannot slip past the wait; the others are refused.
     */
    boolean tryAttempt(String username, String client) {
        // whole milliseconds: the database keeps the times exactly (it may round nanoseconds up)
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        purge(now);
        String user = hash(username);
        String from = client(client);
        for (int race = 0; race < 5; race++) {
            Optional<State> found = find(user, from);
            if (found.isEmpty() || found.get().updatedAt().isBefore(now.minus(FORGET_AFTER))
                    || found.get().failures() < properties.freeFailedLogins()) {
                return true;
            }
            State s = found.get();
            if (s.nextAllowed().isAfter(now)) {
                return false;
            }
            if (count(user, from, s, s.failures() + 1, now)) {
                return true;
            }
        }
        return false;
    }

    /** The attempt failed: counted, unless it already took a wait's slot (past the free failures). */
    void failed(String username, String client) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String user = hash(username);
        String from = client(client);
        for (int race = 0; race < 5; race++) {
            Optional<State> found = find(user, from);
            if (found.isEmpty()) {
                if (jdbc.sql("""
                                insert into login_throttle (user_key, client, failures, next_allowed, updated_at)
                                values (?, ?, 1, ?, ?) on conflict do nothing""")
                        .params(user, from, Timestamp.from(now.plus(delay(1))), Timestamp.from(now)).update() == 1) {
                    return;
                }
                continue;
            }
            State s = found.get();
            boolean forgotten = s.updatedAt().isBefore(now.minus(FORGET_AFTER));
            if (!forgotten && s.failures() >= properties.freeFailedLogins()) {
                return;
            }
            if (count(user, from, s, forgotten ? 1 : s.failures() + 1, now)) {
                return;
            }
        }
    }

    /** Sets the count from what was read, if nobody changed it in between. */
    private boolean count(String user, String from, State read, int failures, Instant now) {
        return jdbc.sql("""
                        update login_throttle set failures = ?, next_allowed = ?, updated_at = ?
                        where user_key = ? and client = ? and failures = ?""")
                .params(failures, Timestamp.from(now.plus(delay(failures))), Timestamp.from(now), user, from,
                        read.failures()).update() == 1;
    }

    /** The attempt succeeded: the count for this user and address starts again. */
    void succeeded(String username, String client) {
        jdbc.sql("delete from login_throttle where user_key = ? and client = ?").params(hash(username), client(client)).update();
    }

    /** Forgets the user's counts from every address (an administrator lifting the delay). */
    void forget(String username) {
        jdbc.sql("delete from login_throttle where user_key = ?").param(hash(username)).update();
    }

    /** The wait after {@code failures} attempts that did not succeed. */
    Duration delay(int failures) {
        int over = failures - properties.freeFailedLogins();
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration delay = properties.loginDelay().multipliedBy(1L << Math.min(over - 1, 30));
        return delay.compareTo(properties.maxLoginDelay()) > 0 ? properties.maxLoginDelay() : delay;
    }

    private Optional<State> find(String user, String client) {
        return jdbc.sql("select failures, next_allowed, updated_at from login_throttle where user_key = ? and client = ?")
                .params(user, client)
                .query((rs, n) -> new State(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private void purge(Instant now) {
        if (lastPurge.isAfter(now.minus(PURGE_EVERY))) {
            return;
        }
        lastPurge = now;
        jdbc.sql("delete from login_throttle where updated_at < ?").param(Timestamp.from(now.minus(FORGET_AFTER))).update();
    }

    private String hash(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((username == null ? "" : username).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String client(String address) {
        String a = address == null || address.isBlank() ? "unknown" : address.strip();
        return a.length() > MAX_CLIENT ? a.substring(0, MAX_CLIENT) : a;
    }

    private record State(int failures, Instant nextAllowed, Instant updatedAt) {
    }
}
