package cn.zwgk.assistant.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * Connects to the Redis server named by {@code REDIS_URL}, or starts one in-process when none is
 * configured, so that the code always talks real Redis through Jedis.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "stop")
    EmbeddedRedis embeddedRedis(PlatformProperties properties) {
        if (properties.redisUrl() != null && !properties.redisUrl().isBlank()) {
            return EmbeddedRedis.none(URI.create(properties.redisUrl()));
        }
        int port = properties.embeddedRedisPort() > 0 ? properties.embeddedRedisPort() : freePort();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            log.info("Started in-process Redis on 127.0.0.1:{} (set REDIS_URL to use a real server)", port);
            return new EmbeddedRedis(server, URI.create("redis://127.0.0.1:" + port));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the in-process Redis server", e);
        }
    }

    @Bean(destroyMethod = "close")
    JedisPooled jedis(EmbeddedRedis redis) {
        URI uri = redis.uri();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(2000)
                .socketTimeoutMillis(3000)
                .clientName("zwgk-assistant");
        String userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isBlank()) {
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                if (colon > 0) {
                    config.user(userInfo.substring(0, colon));
                }
                config.password(userInfo.substring(colon + 1));
            } else {
                config.password(userInfo);
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            config.database(Integer.parseInt(path.substring(1)));
        }
        if ("rediss".equals(uri.getScheme())) {
            config.ssl(true);
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(64);
        pool.setMaxIdle(32);
        pool.setMinIdle(2);
        pool.setTestWhileIdle(true);
        int port = uri.getPort() > 0 ? uri.getPort() : 6379;
        return new JedisPooled(pool, new HostAndPort(uri.getHost(), port), config.build());
    }

    @Bean
    Redis redis(JedisPooled jedis, PlatformProperties properties) {
        return new Redis(jedis, properties.redisKeyPrefix());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The in-process server, if one was started. */
    record EmbeddedRedis(RedisServer server, URI uri) {

        static EmbeddedRedis none(URI uri) {
            return new EmbeddedRedis(null, uri);
        }

        void stop() throws IOException {
            if (server != null) {
                server.stop();
            }
        }
    }
}
