package cn.zwgk.assistant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.ConsoleSession;

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

    /** A console session signed in as {@code username} (created with {@code role} when missing), holding a CSRF token. */
    static ConsoleSession signIn(int port, UserAccounts accounts, String username, Role role) {
        ConsoleSession session = new ConsoleSession(port);
        assertThat(session.login(ensure(accounts, username, role), PASSWORD).statusCode()).isEqualTo(302);
        session.get("/console"); // the sign-in changed the CSRF token
        return session;
    }
}
