package cn.zwgk.assistant.access;

import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up: refuses a weak first-admin password where it must be strong (the {@code prod}
 * profile), then creates the first administrator if there are no users yet. Runs before the web
 * server takes requests, so nobody meets an empty user table.
 */
@Component
class FirstAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final Set<String> WELL_KNOWN = Set.of("admin", "password", "changeme", "123456", "admin123",
            "administrator", "secret", "default");

    private final UserAccounts accounts;
    private final AccessProperties properties;

    FirstAdmin(UserAccounts accounts, AccessProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String password = properties.adminPassword();
        if (properties.requireStrongAdminPassword()) {
            String weakness = weakness(password);
            if (weakness != null) {
                throw new IllegalStateException("Refusing to start: ADMIN_PASSWORD " + weakness
                        + " (the production profile needs at least " + AccessProperties.MIN_STRONG_PASSWORD_LENGTH
                        + " characters that are not a default)");
            }
        }
        if (password == null || password.isEmpty()) {
            log.warn("ADMIN_PASSWORD is empty: no first administrator is created");
            return;
        }
        if (accounts.createFirstAdmin(properties.adminUsername(), password)) {
            log.info("Created the first administrator '{}'", properties.adminUsername());
        }
    }

    static String weakness(String password) {
        if (password == null || password.isBlank()) {
            return "is empty";
        }
        if (WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT))) {
            return "is a well-known default";
        }
        if (password.length() < AccessProperties.MIN_STRONG_PASSWORD_LENGTH) {
            return "is too short";
        }
        return null;
    }
}
