package cn.zwgk.assistant.staff;

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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

    private static final String COLUMNS = "id, name, department, roles, openid, wecom_webhook, active";

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(String name, String department, Set<Role> roles, String openid, String wecomWebhook) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into staff (name, department, roles, openid, wecom_webhook, active, created_at) "
                        + "values (?, ?, ?, ?, ?, true, ?)")
                .params(name, department, join(roles), openid, wecomWebhook, Timestamp.from(clock.instant()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<StaffMember> all() {
        return jdbc.sql("select " + COLUMNS + " from staff order by id").query(StaffRepository::map).list();
    }

    Optional<StaffMember> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from staff where id = ?").param(id).query(StaffRepository::map).optional();
    }

    Optional<StaffMember> byOpenid(String openid) {
        return jdbc.sql("select " + COLUMNS + " from staff where openid = ?").param(openid)
                .query(StaffRepository::map).optional();
    }

    void saveCode(String code, long staffId, Instant expiresAt) {
        jdbc.sql("delete from staff_binding_code where staff_id = ? and used_at is null").param(staffId).update();
        jdbc.sql("insert into staff_binding_code (code, staff_id, expires_at) values (?, ?, ?)")
                .params(code, staffId, Timestamp.from(expiresAt)).update();
    }

    /** Marks an unexpired, unused code used; returns its staff id (one caller wins a race). */
    Optional<Long> useCode(String code, Instant now) {
        Optional<Long> staffId = jdbc.sql("select staff_id from staff_binding_code where code = ? and used_at is null and expires_at > ?")
                .params(code, Timestamp.from(now)).query(Long.class).optional();
        if (staffId.isEmpty()) {
            return Optional.empty();
        }
        int used = jdbc.sql("update staff_binding_code set used_at = ? where code = ? and used_at is null")
                .params(Timestamp.from(now), code).update();
        return used == 1 ? staffId : Optional.empty();
    }

    void bindOpenid(long staffId, String openid) {
        jdbc.sql("update staff set openid = null where openid = ?").param(openid).update();
        jdbc.sql("update staff set openid = ? where id = ?").params(openid, staffId).update();
    }

    private static String join(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static StaffMember map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return new StaffMember(rs.getLong("id"), rs.getString("name"), rs.getString("department"), Set.copyOf(roles),
                rs.getString("openid"), rs.getString("wecom_webhook"), rs.getBoolean("active"));
    }
}
