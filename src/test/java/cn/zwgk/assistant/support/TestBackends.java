package cn.zwgk.assistant.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Chooses what the integration tests run on. {@code -Dtest.backend=embedded} (the default): H2 in a
 * temporary folder and the in-process Redis server. {@code -Dtest.backend=external}: PostgreSQL
 * (127.0.0.1:5432, database {@code test}, a fresh schema per context) and Redis (127.0.0.1:6379,
 * a fresh key prefix per context); the Failsafe execution that uses it skips when they are not
 * reachable, or fails under {@code CI=true} ({@link ExternalBackendCondition}).
 */
public final class TestBackends {

    public static final String PG_HOST = System.getProperty("test.pg.host", "127.0.0.1");
    public static final int PG_PORT = Integer.getInteger("test.pg.port", 5432);
    public static final String REDIS_HOST = System.getProperty("test.redis.host", "127.0.0.1");
    public static final int REDIS_PORT = Integer.getInteger("test.redis.port", 6379);

    private TestBackends() {
    }

    public static boolean external() {
        return "external".equalsIgnoreCase(System.getProperty("test.backend", "embedded"));
    }

    public static boolean externalReachable() {
        return reachable(PG_HOST, PG_PORT) && reachable(REDIS_HOST, REDIS_PORT);
    }

    /** Properties for one application context: its own data folder, key prefix and schema. */
    public static Map<String, String> properties() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> p = new LinkedHashMap<>();
        try {
            p.put("platform.data-dir", Files.createTempDirectory("zwgk-test-").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        p.put("platform.redis-key-prefix", "t" + id + ":");
        // the actuator's own port: any free one, so that instances (and other test runs) never collide on 8081
        p.put("management.server.port", "0");
        // Quartz registers its DataSource JVM-wide under the scheduler name: contexts sharing a JVM
        // need names of their own (instances that cluster run in separate JVMs, see AppProcess)
        p.put("spring.quartz.scheduler-name", "zwgk-" + id);
        // Spring keeps test contexts alive; small pools keep them within PostgreSQL's connection limit
        p.put("spring.datasource.hikari.maximum-pool-size", "6");
        p.put("spring.datasource.hikari.minimum-idle", "1");
        // The default account has an EncodingAESKey, so it is in safe mode unless told otherwise; the
        // tests post plaintext to it for brevity. What safe mode refuses is proven on an account of
        // its own (wechat.SafeModeIT, channel-config-vectors/accounts/safe-sample.yml).
        p.put("WECHAT_MODE", "compatible");
        if (external()) {
            String schema = "zwgk_" + id;
            p.put("spring.datasource.url", "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/test?currentSchema=" + schema);
            p.put("spring.datasource.username", System.getProperty("test.pg.user", "postgres"));
            p.put("spring.datasource.password", "");
            p.put("spring.flyway.schemas", schema);
            p.put("platform.redis-url", "redis://" + REDIS_HOST + ":" + REDIS_PORT);
        }
        return p;
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
