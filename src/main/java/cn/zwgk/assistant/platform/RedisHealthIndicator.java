package cn.zwgk.assistant.platform;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports Redis as the {@code redis} component of {@code /actuator/health}. */
@Component("redisHealthIndicator")
class RedisHealthIndicator implements HealthIndicator {

    private final Redis redis;

    RedisHealthIndicator(Redis redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        try {
            String pong = redis.jedis().ping();
            return Health.up().withDetail("ping", pong).build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
