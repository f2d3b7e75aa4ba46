package cn.zwgk.assistant.access;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Users for Spring Security from the database, for {@link ThrottledAuthentication} (not a bean of
 * its own: sign-in goes through the throttle). A disabled account is refused after its password
 * has been checked, with the same answer as a wrong password.
 */
final class DatabaseUsers implements UserDetailsService {

    private final UserAccounts accounts;

    DatabaseUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ConsoleUser user = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        String hash = accounts.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(user.username())
                .password(hash)
                .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
                .disabled(!user.enabled())
                .build();
    }
}
