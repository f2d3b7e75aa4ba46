package cn.zwgk.assistant.reminder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.staff.StaffMember;

/**
 * Who a reminder may go to: staff only. An entry is the openid of an active staff member bound to
 * WeChat, {@code role:ROLE} or {@code dept:DEPARTMENT}. Reminders carry text staff typed, sent as
 * the office's template messages, so an openid that is not staff (a citizen's) is refused when the
 * reminder is set and left out again when it fires (a member unbound or deactivated meanwhile).
 */
@Component
class StaffRecipients {

    static final String ROLE_PREFIX = "role:";
    static final String DEPARTMENT_PREFIX = "dept:";
    private static final Logger log = LoggerFactory.getLogger(StaffRecipients.class);

    private final StaffDirectory directory;

    StaffRecipients(StaffDirectory directory) {
        this.directory = directory;
    }

    /** The entries stripped, roles in their canonical name, repeats dropped; refuses anything that is not staff. */
    List<String> check(List<String> recipients) {
        if (recipients == null || recipients.isEmpty() || recipients.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new IllegalArgumentException("recipients must list at least one staff member's openid, role:ROLE or dept:DEPARTMENT");
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String entry : recipients) {
            checked.add(checkOne(entry.strip()));
        }
        return List.copyOf(checked);
    }

    /** The openids of active, bound staff the entries stand for now. */
    Set<String> resolve(List<String> recipients) {
        Set<String> openids = new LinkedHashSet<>();
        for (String r : recipients) {
            if (r.startsWith(ROLE_PREFIX)) {
                directory.withRole(Role.parse(r.substring(ROLE_PREFIX.length()))).stream()
                        .filter(StaffMember::bound).map(StaffMember::openid).forEach(openids::add);
            } else if (r.startsWith(DEPARTMENT_PREFIX)) {
                directory.inDepartment(r.substring(DEPARTMENT_PREFIX.length())).stream()
                        .filter(StaffMember::bound).map(StaffMember::openid).forEach(openids::add);
            } else if (directory.byOpenid(r).isPresent()) {
                openids.add(r);
            } else {
                log.warn("A reminder recipient is no longer a bound staff member; left out");
            }
        }
        return openids;
    }

    private String checkOne(String entry) {
        if (entry.startsWith(ROLE_PREFIX)) {
            try {
                return ROLE_PREFIX + Role.parse(entry.substring(ROLE_PREFIX.length())).name();
            } catch (IllegalArgumentException e) {
                throw new NotStaffRecipient(entry, "unknown role in '" + entry + "': use ADMIN, HANDLER, SUPERVISOR or COMMS");
            }
        }
        if (entry.startsWith(DEPARTMENT_PREFIX)) {
            String department = entry.substring(DEPARTMENT_PREFIX.length()).strip();
            if (department.isEmpty() || directory.inDepartment(department).isEmpty()) {
                throw new NotStaffRecipient(entry, "no active staff member in department '" + department + "'");
            }
            return DEPARTMENT_PREFIX + department;
        }
        if (directory.byOpenid(entry).isEmpty()) {
            throw new NotStaffRecipient(entry, "recipient '" + entry + "' is not a staff member bound to WeChat: "
                    + "reminders go to staff only (a bound member's openid, role:ROLE or dept:DEPARTMENT)");
        }
        return entry;
    }
}
