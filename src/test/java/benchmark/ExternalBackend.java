package benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@code -Dbench.backend=external}: the application on PostgreSQL and Redis, with a schema and a key
 * prefix of its own that are removed after the run.
 */
final class ExternalBackend {

    private final BenchSettings settings;
    private final String id;

    ExternalBackend(BenchSettings settings, String id) {
        this.settings = settings;
        this.id = id;
        URI redis = URI.create(settings.redisUrl());
        URI pg = URI.create(settings.pgUrl().substring("jdbc:".length()));
        require(redis.getHost(), redis.getPort() > 0 ? redis.getPort() : 6379);
        require(pg.getHost(), pg.getPort() > 0 ? pg.getPort() : 5432);
    }

    List<String> applicationArgs() {
        String url = settings.pgUrl() + (settings.pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + id;
        return List.of("--platform.redis-url=" + settings.redisUrl(),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + settings.pgUser(),
                "--spring.datasource.password=" + System.getProperty("bench.pg.password", ""),
                "--spring.flyway.schemas=" + id);
    }

    /** A count from this run's schema ({@code select count(*) …}). */
    long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.pgUrl() + (settings.pgUrl().contains("?") ? "&" : "?")
                + "currentSchema=" + id, settings.pgUser(), System.getProperty("bench.pg.password", ""));
             Statement statement = connection.createStatement(); java.sql.ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Drops the schema and deletes the keys of this run. */
    void clean() {
        try (Connection connection = DriverManager.getConnection(settings.pgUrl(), settings.pgUser(),
                System.getProperty("bench.pg.password", "")); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + id + " cascade");
        } catch (SQLException e) {
            System.err.println("Could not drop schema " + id + ": " + e.getMessage());
        }
        try (Jedis jedis = new Jedis(URI.create(settings.redisUrl()))) {
            ScanParams match = new ScanParams().match(id + ":*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, match);
                if (!page.getResult().isEmpty()) {
                    jedis.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
    }

    private static void require(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
        } catch (IOException e) {
            throw new IllegalStateException("bench.backend=external but " + host + ":" + port + " is not reachable");
        }
    }
}
