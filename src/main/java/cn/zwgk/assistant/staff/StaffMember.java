package cn.zwgk.assistant.staff;

import java.util.Set;

/** A member of staff as the directory knows them. */
public record StaffMember(long id, String name, String department, Set<Role> roles, String openid,
                          String wecomWebhook, boolean active) {

    public boolean has(Role role) {
        return active && roles.contains(role);
    }

    public boolean bound() {
        return openid != null && !openid.isBlank();
    }
}
