package cn.zwgk.assistant.console;

import java.util.Set;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.staff.Role;

/** Console accounts for the tests, created once per application context (tests share it). */
final class ConsoleUsers {

    static final String PASSWORD = "console-test-pass-1";

    private ConsoleUsers() {
    }

    /** Makes sure {@code username} exists with {@code role}; its password is {@link #PASSWORD}. */
    static String ensure(UserAccounts accounts, String username, Role role) {
        if (accounts.find(username).isEmpty()) {
            try {
                accounts.create(username, username, PASSWORD, Set.of(role));
            } catch (IllegalArgumentException e) {
                // created by a test running alongside
            }
        }
        return username;
    }
}
