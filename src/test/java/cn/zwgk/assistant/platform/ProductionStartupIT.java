package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.TestBackends;

/**
 * The application started with the {@code prod} profile with a complete production environment starts, on
 * the backends of the run (H2 and the in-process Redis, or PostgreSQL and Redis). What it refuses is in
 * {@link ProductionRefusalIT}.
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
    static Map<String, String> production() {
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
