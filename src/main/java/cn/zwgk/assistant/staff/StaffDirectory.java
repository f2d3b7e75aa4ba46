package cn.zwgk.assistant.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff directory: members, their roles and their WeChat binding. A member binds a WeChat
 * account by sending the one-time code the console shows ("绑定 123456") to the Official Account.
 */
@Service
public class StaffDirectory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(30);

    private final StaffRepository repository;
    private final Clock clock;

    StaffDirectory(StaffRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public StaffMember add(String name, String department, Set<Role> roles, String openid, String wecomWebhook) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name is required (at most 100 characters)");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("at least one role is required: ADMIN, HANDLER, SUPERVISOR or COMMS");
        }
        String bound = openid == null || openid.isBlank() ? null : openid.strip();
        try {
            long id = repository.insert(name.strip(), department, EnumSet.copyOf(roles), bound, wecomWebhook);
            return repository.byId(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("openid " + bound + " is already bound to another staff member");
        }
    }

    public List<StaffMember> all() {
        return repository.all();
    }

    public Optional<StaffMember> find(long id) {
        return repository.byId(id);
    }

    /** The active member bound to this WeChat openid, if any. */
    public Optional<StaffMember> byOpenid(String openid) {
        return repository.byOpenid(openid).filter(StaffMember::active);
    }

    public List<StaffMember> withRole(Role role) {
        return repository.all().stream().filter(m -> m.has(role)).toList();
    }

    /** Active members of a department (matched ignoring surrounding spaces). */
    public List<StaffMember> inDepartment(String department) {
        String wanted = department.strip();
        return repository.all().stream().filter(StaffMember::active)
                .filter(m -> m.department() != null && m.department().strip().equals(wanted)).toList();
    }

    /** A fresh one-time code for the member; earlier unused codes stop working. */
    @Transactional
    public BindingCode newBindingCode(long staffId) {
        repository.byId(staffId).orElseThrow(() -> new IllegalArgumentException("no staff member " + staffId));
        Instant expires = clock.instant().plus(CODE_LIFETIME);
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            try {
                repository.saveCode(code, staffId, expires);
                return new BindingCode(code, expires);
            } catch (DuplicateKeyException e) {
                // another member holds this code: draw again
            }
        }
        throw new IllegalStateException("could not draw a free binding code");
    }

    /** Binds the openid with a valid code; empty when the code is unknown, used or expired. */
    @Transactional
    public Optional<StaffMember> bind(String code, String openid) {
        if (code == null || !code.matches("\\d{6}")) {
            return Optional.empty();
        }
        return repository.useCode(code, clock.instant()).map(staffId -> {
            repository.bindOpenid(staffId, openid);
            return repository.byId(staffId).orElseThrow();
        });
    }

    /** A binding code and when it stops working. */
    public record BindingCode(String code, Instant expiresAt) {
    }
}
