package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.TestBackends;

/**
 * The application started with the {@code prod} profile (on the backends of the run: H2 and the
 * in-process Redis, or PostgreSQL and Redis): with a complete production environment it starts;
 * with any one setting missing, shipped in the repository or weak it refuses, with one line that
 * names the variable.
 */
@ExtendWith({ExternalBackendCondition.class, OutputCaptureExtension.class})
class ProductionStartupIT {

    private static final String AES_KEY = "G4WaPLzYB6Gf5DRx4xXTt9LkUK7Zj6s1oFdAmasLfno";

    @Test
    void aCompleteProductionEnvironmentStarts() {
        try (AppInstance app = AppInstance.start(production())) {
            assertThat(app.context().getEnvironment().getActiveProfiles()).contains("prod");
        }
    }

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
        Map<String, String> settings = production();
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

    private static redis.embedded.RedisServer redisServer;
    private static java.net.URI redisUri;

    /** A Redis server for the embedded backend's production starts (the external backend has its own). */
    private static synchronized java.net.URI redis() {
        if (redisServer == null) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                int port = socket.getLocalPort();
                socket.close();
                redisServer = redis.embedded.RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                        .setting("save \"\"").setting("appendonly no").build();
                redisServer.start();
                redisUri = java.net.URI.create("redis://127.0.0.1:" + port);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return redisUri;
    }

    @org.junit.jupiter.api.AfterAll
    static synchronized void stopRedis() throws java.io.IOException {
        if (redisServer != null) {
            redisServer.stop();
            redisServer = null;
        }
    }

    /** A production environment with every variable set to a value of its own, on this run's backends. */
    private static Map<String, String> production() {
        Map<String, String> p = new LinkedHashMap<>(TestBackends.properties());
        p.remove("WECHAT_MODE");
        p.put("spring.profiles.active", "prod");
        if (TestBackends.external()) {
            p.put("SPRING_DATASOURCE_URL", p.remove("spring.datasource.url"));
            p.put("SPRING_DATASOURCE_USERNAME", p.remove("spring.datasource.username"));
            p.put("REDIS_URL", p.remove("platform.redis-url"));
        } else {
            p.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + p.get("platform.data-dir")
                    + "/db/zwgk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            p.put("SPRING_DATASOURCE_USERNAME", "sa");
            p.put("REDIS_URL", redis().toString()); // production needs a Redis server of its own
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        p.put("DATA_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
        p.put("ADMIN_PASSWORD", "t7Vq2mWz9pLr4k-prod");
        p.put("PUBLIC_BASE_URL", "https://gk.example.test");
        p.put("WECHAT_API_BASE_URL", "http://127.0.0.1:9");
        p.put("WECHAT_TOKEN", "prod-token-" + System.nanoTime());
        p.put("WECHAT_AES_KEY", AES_KEY);
        p.put("WECHAT_SECRET", "prod-secret-" + System.nanoTime());
        p.put("DISTRICT_WECHAT_TOKEN", "district-token-" + System.nanoTime());
        p.put("DISTRICT_WECHAT_SECRET", "district-secret-" + System.nanoTime());
        return p;
    }
}
