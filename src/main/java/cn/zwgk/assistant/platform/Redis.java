package cn.zwgk.assistant.platform;

import redis.clients.jedis.UnifiedJedis;

/**
 * The application's Redis connection and its key namespace. Every module writes keys through
 * {@link #key(String...)} so that deployments (and test runs) sharing one server stay apart.
 */
public final class Redis {

    private final UnifiedJedis jedis;
    private final String prefix;

    public Redis(UnifiedJedis jedis, String prefix) {
        this.jedis = jedis;
        this.prefix = prefix;
    }

    public UnifiedJedis jedis() {
        return jedis;
    }

    public String key(String... parts) {
        return prefix + String.join(":", parts);
    }
}
