package cn.zwgk.assistant.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.zwgk.assistant.staff.Role;

@Repository
class UserRepository {

    private static final String COLUMNS =
            "id, username, display_name, roles, enabled, failed_logins, last_login_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    UserRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts unless the username exists; true when this call created the user. */
    boolean insert(String username, String displayName, String passwordHash, Set<Role> roles) {
        return jdbc.sql("""
                        insert into console_user (username, display_name, password_hash, roles, enabled, created_at)
                        values (?, ?, ?, ?, true, ?) on conflict do nothing""")
                .params(username, displayName, passwordHash, join(roles), Timestamp.from(clock.instant()))
                .update() == 1;
    }

    long count() {
        return jdbc.sql("select count(*) from console_user").query(Long.class).single();
    }

    List<ConsoleUser> all() {
        return jdbc.sql("select " + COLUMNS + " from console_user order by username").query(UserRepository::map).list();
    }

    Optional<ConsoleUser> byUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from console_user where username = ?").param(username)
                .query(UserRepository::map).optional();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from console_user where username = ?").param(username)
                .query(String.class).optional();
    }

    int setPasswordHash(String username, String hash) {
        return jdbc.sql("update console_user set password_hash = ? where username = ?").params(hash, username).update();
    }

    int setRoles(String username, Set<Role> roles) {
        return jdbc.sql("update console_user set roles = ? where username = ?").params(join(roles), username).update();
    }

    int setEnabled(String username, boolean enabled) {
        return jdbc.sql("update console_user set enabled = ? where username = ?").params(enabled, username).update();
    }

    /** Counts one failed login in a row (atomic, so instances share it); nothing is locked. */
    void recordFailure(String username) {
        jdbc.sql("update console_user set failed_logins = failed_logins + 1 where username = ?").param(username).update();
    }

    /** Clears the failure count; notes the time at most once a minute (an API call authenticates every time). */
    void recordSuccess(String username, Instant at) {
        jdbc.sql("""
                        update console_user set failed_logins = 0, last_login_at = ?
                        where username = ? and (failed_logins > 0 or last_login_at is null or last_login_at < ?)""")
                .params(Timestamp.from(at), username, Timestamp.from(at.minusSeconds(60))).update();
    }

    int unlock(String username) {
        return jdbc.sql("update console_user set failed_logins = 0 where username = ?")
                .param(username).update();
    }

    private static ConsoleUser map(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_login_at");
        return new ConsoleUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                split(rs.getString("roles")), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                last == null ? null : last.toInstant());
    }

    private static String join(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> split(String roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(set::add);
        return set;
    }
}
