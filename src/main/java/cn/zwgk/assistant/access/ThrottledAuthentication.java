package cn.zwgk.assistant.access;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-in for the console form and the API's Basic credentials, one answer for every refusal: an
 * unknown user, a wrong password, a disabled account and an attempt the {@link LoginThrottle}
 * holds back all fail alike ({@link BadCredentialsException}: "用户名或密码不正确" in the console,
 * 401 in the API), so neither user names nor account states can be read from the answers. The
 * password is checked before the account's state, so a disabled account does not answer faster.
 * Only an unreachable database is told apart (the API answers 503, see {@link ApiAuthenticationEntryPoint}).
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    /** The failure's message when the throttle refused the attempt (kept in the audit log only). */
    static final String THROTTLED = "throttled";

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(new DatabaseUsers(accounts));
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setPreAuthenticationChecks(user -> { });
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        try {
            return checked(attempt);
        } catch (org.springframework.dao.DataAccessException e) {
            // the throttle's table cannot be read: the credentials cannot be checked (503), not wrong (401)
            throw new InternalAuthenticationServiceException("credentials cannot be checked now", e);
        }
    }

    private Authentication checked(Authentication attempt) {
        String username = String.valueOf(attempt.getName());
        String client = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (!throttle.tryAttempt(username, client)) {
            throw new BadCredentialsException(THROTTLED);
        }
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (InternalAuthenticationServiceException e) {
            throw e;
        } catch (AuthenticationException e) {
            throttle.failed(username, client);
            throw new BadCredentialsException("refused", e);
        }
        throttle.succeeded(username, client);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
