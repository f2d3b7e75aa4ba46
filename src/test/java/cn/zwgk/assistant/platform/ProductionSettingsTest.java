package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The production profile's checks of the configuration as a whole (the start-up itself: ProductionStartupIT). */
class ProductionSettingsTest {

    private static final ShippedSecrets SHIPPED = new ShippedSecrets(Set.of("admin", "local-dev-token"));

    @Test
    void aGoodConfigurationPasses() {
        assertThatCode(() -> ProductionSettings.check(env(Map.of("PUBLIC_BASE_URL", "https://gk.example.gov.cn",
                "ADMIN_PASSWORD", "t7Vq2mWz9pLr4k")), SHIPPED)).doesNotThrowAnyException();
    }

    @Test
    void anUnresolvedReferenceIsNamed() {
        assertThatThrownBy(() -> ProductionSettings.check(env(Map.of("ADMIN_PASSWORD", "t7Vq2mWz9pLr4k")), SHIPPED))
                .isInstanceOf(StartupRefusal.class)
                .hasMessage("Refusing to start: PUBLIC_BASE_URL is not set (reminder.public-base-url reads ${PUBLIC_BASE_URL})");
    }

    @Test
    void aBlankOrRelativePublicBaseUrlIsRefused() {
        assertThatThrownBy(() -> ProductionSettings.check(env(Map.of("PUBLIC_BASE_URL", " ")), SHIPPED))
                .hasMessage("Refusing to start: PUBLIC_BASE_URL is empty (reminder.public-base-url reads ${PUBLIC_BASE_URL})");
        assertThatThrownBy(() -> ProductionSettings.check(env(Map.of("PUBLIC_BASE_URL", "gk.example.gov.cn")), SHIPPED))
                .hasMessageStartingWith("Refusing to start: PUBLIC_BASE_URL is not an absolute");
    }

    @Test
    void aSecretVariableHoldingAShippedValueIsNamed() {
        assertThatThrownBy(() -> ProductionSettings.check(env(Map.of("PUBLIC_BASE_URL", "https://gk.example.gov.cn",
                "ADMIN_PASSWORD", "admin")), SHIPPED))
                .hasMessageStartingWith("Refusing to start: ADMIN_PASSWORD holds a value shipped in the repository");
    }

    @Test
    void aSettingGivenOnTheCommandLineOutranksTheFileItOverrides() {
        Map<String, Object> given = new LinkedHashMap<>(Map.of("ADMIN_PASSWORD", "t7Vq2mWz9pLr4k",
                "PUBLIC_BASE_URL", "https://gk.example.gov.cn", "spring.datasource.url", "jdbc:postgresql://db/zwgk"));
        StandardEnvironment env = env(given);
        env.getPropertySources().addLast(new OriginTrackedMapPropertySource(
                "Config resource 'class path resource [application-prod.yml]'",
                Map.of("spring.datasource.url", "${SPRING_DATASOURCE_URL}")));
        assertThatCode(() -> ProductionSettings.check(env, SHIPPED)).doesNotThrowAnyException();
    }

    /** {@code given} as the command line, in front of a production file like application-prod.yml. */
    private static StandardEnvironment env(Map<String, ?> given) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", new LinkedHashMap<>(given)));
        env.getPropertySources().addLast(new OriginTrackedMapPropertySource(
                "Config resource 'class path resource [application-prod.yml]'", Map.of(
                        "reminder.public-base-url", "${PUBLIC_BASE_URL}",
                        "access.admin-password", "${ADMIN_PASSWORD:}")));
        return env;
    }
}
