package cn.zwgk.assistant.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.staff.Role;

/** Console accounts for the tests, created once per application context (tests share it). */
public final class ConsoleUsers {

    public static final String PASSWORD = "console-test-pass-1";

    private ConsoleUsers() {
    }

    /** Makes sure {@code username} exists with {@code role}; its password is {@link #PASSWORD}. */
    public static String ensure(UserAccounts accounts, String username, Role role) {
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
    public static ConsoleSession signIn(int port, UserAccounts accounts, String username, Role role) {
        ConsoleSession session = new ConsoleSession(port);
        assertThat(session.login(ensure(accounts, username, role), PASSWORD).statusCode()).isEqualTo(302);
        session.get("/console"); // the sign-in changed the CSRF token
        return session;
    }

    /** A new account named {@code prefix} and a random suffix, with {@code role}; its password is {@link #PASSWORD}. */
    public static String unique(UserAccounts accounts, String prefix, Role role) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, name, PASSWORD, Set.of(role));
        return name;
    }

    /** Posts a form as a browser would and follows the redirect: the page the user then sees. */
    public static String submit(ConsoleSession session, String path, Map<String, String> fields) {
        HttpResponse<String> response = session.postForm(path, fields);
        if (response.statusCode() != 302) {
            return response.body();
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return session.get(location.replaceFirst("^https?://[^/]+", "")).body();
    }
}
