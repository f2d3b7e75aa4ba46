package cn.zwgk.assistant.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.StartupRefusal;

/**
 * At start-up: refuses a weak first-admin password where it must be strong (the {@code prod}
 * profile; {@link AdminPasswordPolicy}), then creates the first administrator if there are no
 * users yet. Runs before the web server takes requests, so nobody meets an empty user table.
 */
@Component
class FirstAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

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
            String weakness = AdminPasswordPolicy.weakness(properties.adminUsername(), password);
            if (weakness != null) {
                throw new StartupRefusal("ADMIN_PASSWORD", "is too weak: it " + weakness,
                        "Set ADMIN_PASSWORD to at least " + AccessProperties.MIN_STRONG_PASSWORD_LENGTH
                                + " characters of two or more kinds, without well-known words, the user name or runs "
                                + "like 12345 (a generated passphrase does).");
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
}
