package cn.zwgk.assistant.access;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.AuditLog;

/**
 * Logins in the audit log, with the real reason of a refusal (the client only ever hears "wrong
 * user name or password"), and each account's count of failed logins in a row. A console sign-in
 * is audited; an API call authenticates on every request, so only its failures are.
 */
@Component
class LoginAudit {

    private final UserAccounts accounts;
    private final AuditLog audit;

    LoginAudit(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), "LOGIN", "user:" + event.getAuthentication().getName(), null, null);
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        accounts.successfulLogin(event.getAuthentication().getName());
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        boolean known = accounts.find(username).isPresent();
        if (event instanceof AuthenticationFailureBadCredentialsEvent && known) {
            accounts.failedLogin(username);
        }
        Throwable e = event.getException();
        String reason = e.getCause() != null ? e.getCause().getClass().getSimpleName()
                : ThrottledAuthentication.THROTTLED.equals(e.getMessage()) ? "Throttled" : e.getClass().getSimpleName();
        audit.record(known ? username : "anonymous", "LOGIN_FAILED", "user:" + (known ? username : "?"), null,
                Map.of("reason", reason));
    }
}
