package cn.zwgk.assistant.access;

import java.time.Instant;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Users for Spring Security from the database: a locked or disabled account is refused before its password is checked. */
@Component
class DatabaseUsers implements UserDetailsService {

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
                .accountLocked(user.lockedAt(Instant.now()))
                .build();
    }
}
