package cn.zwgk.assistant.access;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.zwgk.assistant.platform.AuditLog;

/**
 * Every change a signed-in user makes through the API or the console goes into the audit log: who,
 * which method and path, and the outcome. Runs inside the security chain's scope (after it in the
 * servlet chain), so the user is known; refused requests never get here and are the security
 * chain's to report. Modules add their own, richer entries (before/after) for the changes they make.
 */
@Component
class ActionAudit extends OncePerRequestFilter {

    private final AuditLog audit;

    ActionAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean staffArea = path.startsWith("/api/") || path.startsWith("/console");
        return !staffArea || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            if (user != null && user.isAuthenticated()) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                audit.record(user.getName(), "HTTP " + request.getMethod(), path, null, Map.of("status", status));
            }
        }
    }
}
