package cn.zwgk.assistant.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in. The first administrator comes from {@code ADMIN_USERNAME} / {@code ADMIN_PASSWORD}
 * when the user table is empty; the {@code prod} profile sets {@code require-strong-admin-password}
 * so that a default, empty or short password stops the start-up. Failed sign-ins are throttled per
 * user name and client address ({@link LoginThrottle}): {@code freeFailedLogins} cost nothing, then
 * the wait before the next attempt doubles from {@code loginDelay} up to {@code maxLoginDelay}.
 */
@ConfigurationProperties("access")
record AccessProperties(
        @DefaultValue("admin") String adminUsername,
        @DefaultValue("") String adminPassword,
        @DefaultValue("false") boolean requireStrongAdminPassword,
        @DefaultValue("5") int freeFailedLogins,
        @DefaultValue("1s") Duration loginDelay,
        @DefaultValue("15m") Duration maxLoginDelay) {

    static final int MIN_STRONG_PASSWORD_LENGTH = 12;
}
