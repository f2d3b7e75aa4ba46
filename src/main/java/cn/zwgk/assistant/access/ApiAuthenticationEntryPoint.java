package cn.zwgk.assistant.access;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API's answer to a request it could not authenticate: 401 with the Basic challenge when the
 * credentials are missing or wrong, but 503 with {@code Retry-After} when they could not be checked
 * (the user store, i.e. the database, is unreachable) — a client should retry, not re-enter a
 * password it has right.
 */
final class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

    ApiAuthenticationEntryPoint() {
        basic.setRealmName("zwgk");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InternalAuthenticationServiceException) {
            response.setHeader("Retry-After", "10");
            response.setContentType("application/json;charset=UTF-8");
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.getWriter().write("{\"error\":\"credentials cannot be checked right now (database unavailable); try again shortly\"}");
            return;
        }
        basic.commence(request, response, e);
    }
}
