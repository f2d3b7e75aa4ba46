package cn.zwgk.assistant.wechat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import cn.zwgk.assistant.platform.Redis;
import me.chanjar.weixin.common.redis.WxRedisOps;
import redis.clients.jedis.params.SetParams;

/**
 * WxJava's Redis operations over our Jedis connection, so that every instance shares one access
 * token and refreshes it under one lock (WxJava's own Jedis ops are deprecated).
 */
final class JedisWxRedisOps implements WxRedisOps {

    private static final String UNLOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    private final Redis redis;

    JedisWxRedisOps(Redis redis) {
        this.redis = redis;
    }

    @Override
    public String getValue(String key) {
        return redis.jedis().get(key);
    }

    @Override
    public void setValue(String key, String value, int expire, TimeUnit unit) {
        if (expire <= 0) {
            redis.jedis().set(key, value);
        } else {
            redis.jedis().set(key, value, SetParams.setParams().px(unit.toMillis(expire)));
        }
    }

    @Override
    public Long getExpire(String key) {
        return redis.jedis().ttl(key);
    }

    @Override
    public void expire(String key, int expire, TimeUnit unit) {
        redis.jedis().pexpire(key, unit.toMillis(expire));
    }

    @Override
    public Lock getLock(String key) {
        return new RedisLock(key);
    }

    /** A SET NX PX lock with an owner token; not reentrant, which WxJava does not need. */
    private final class RedisLock implements Lock {

        private static final long LEASE_MS = 30_000;
        private final String key;
        private final ThreadLocal<String> owner = new ThreadLocal<>();

        RedisLock(String key) {
            this.key = key;
        }

        @Override
        public void lock() {
            while (!tryLock()) {
                sleep();
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            while (!tryLock()) {
                Thread.sleep(50);
            }
        }

        @Override
        public boolean tryLock() {
            String token = UUID.randomUUID().toString();
            boolean ok = "OK".equals(redis.jedis().set(key, token, SetParams.setParams().nx().px(LEASE_MS)));
            if (ok) {
                owner.set(token);
            }
            return ok;
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(time);
            while (!tryLock()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        }

        @Override
        public void unlock() {
            String token = owner.get();
            if (token != null) {
                redis.jedis().eval(UNLOCK, java.util.List.of(key), java.util.List.of(token));
                owner.remove();
            }
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("conditions are not supported by a Redis lock");
        }

        private void sleep() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + key, e);
            }
        }
    }
}
