package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.ExternalBackendCondition;

/**
 * The {@code prod} profile refuses to start with any one setting missing, shipped in the repository or weak,
 * with one line that names the variable. The refusal depends on the settings alone, not on the database or
 * Redis behind them, so this runs on the embedded run only (pom.xml); {@link ProductionStartupIT} shows a
 * complete production environment starting on both.
 */
@ExtendWith({ExternalBackendCondition.class, OutputCaptureExtension.class})
class ProductionRefusalIT {

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("SPRING_DATASOURCE_URL", "an unresolved ${…}", env -> env.remove("SPRING_DATASOURCE_URL")),
                refusal("PUBLIC_BASE_URL", "missing", env -> env.remove("PUBLIC_BASE_URL")),
                refusal("PUBLIC_BASE_URL", "blank", env -> env.put("PUBLIC_BASE_URL", "")),
                refusal("WECHAT_TOKEN", "missing: local-dev-token", env -> env.remove("WECHAT_TOKEN")),
                refusal("WECHAT_AES_KEY", "missing: the development key", env -> env.remove("WECHAT_AES_KEY")),
                refusal("DISTRICT_WECHAT_TOKEN", "missing: district-dev-token", env -> env.remove("DISTRICT_WECHAT_TOKEN")),
                refusal("DISTRICT_WECHAT_SECRET", "set to a shipped value", env -> env.put("DISTRICT_WECHAT_SECRET", "local-dev-secret")),
                refusal("ADMIN_PASSWORD", "admin", env -> env.put("ADMIN_PASSWORD", "admin")),
                refusal("ADMIN_PASSWORD", "admin123456789", env -> env.put("ADMIN_PASSWORD", "admin123456789")),
                refusal("DATA_ENCRYPTION_KEY", "missing", env -> env.remove("DATA_ENCRYPTION_KEY")),
                refusal("REDIS_URL", "blank: would start an in-process Redis", env -> env.put("REDIS_URL", "")),
                refusal("REDIS_URL", "missing", env -> env.remove("REDIS_URL")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusals")
    void productionRefusesToStartNamingTheVariable(String variable, String why, Consumer<Map<String, String>> change,
                                                   CapturedOutput output) {
        Map<String, String> settings = ProductionStartupIT.production();
        change.accept(settings);

        Throwable failure = catchThrowable(() -> AppInstance.start(settings).close());

        StartupRefusal refusal = refusalIn(failure);
        assertThat(refusal).as("start-up refused (%s)", failure).isNotNull();
        assertThat(refusal.variable()).isEqualTo(variable);
        assertThat(refusal.getMessage()).startsWith("Refusing to start: " + variable + " ").doesNotContain("\n");
        assertThat(output.getAll().lines().map(String::strip).filter(line -> line.equals(refusal.getMessage())))
                .as("the failure report's line").hasSize(1);
    }

    private static Arguments refusal(String variable, String why, Consumer<Map<String, String>> change) {
        return Arguments.of(variable, why, change);
    }

    private static StartupRefusal refusalIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StartupRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    @AfterAll
    static void stopRedis() throws java.io.IOException {
        ProductionStartupIT.stopRedis();
    }
}
