package cn.zwgk.assistant.wechat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Redis;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;

/**
 * One WxJava client per Official Account. Access tokens live in Redis behind a lock, the API
 * host can be replaced by a stand-in, and WxJava's retry budget is lowered so a failing API
 * never holds a thread for half a minute (the outbox retries instead).
 */
@Component
public class WechatClients {

    private static final Logger log = LoggerFactory.getLogger(WechatClients.class);
    /** Where the simulator module serves its WeChat API stand-in, relative to this application. */
    public static final String LOCAL_STAND_IN_PATH = "/simulator/wx-api";

    private final Map<String, WxMpService> services = new LinkedHashMap<>();
    private final WxMpHostConfig hosts = new WxMpHostConfig(WxMpHostConfig.API_DEFAULT_HOST_URL,
            WxMpHostConfig.OPEN_DEFAULT_HOST_URL, WxMpHostConfig.MP_DEFAULT_HOST_URL);
    private final boolean useLocalStandIn;

    WechatClients(AccountRegistry accounts, WechatProperties properties, Redis redis,
                  org.springframework.core.env.Environment environment) {
        String base = properties.apiBaseUrl();
        this.useLocalStandIn = (base == null || base.isBlank())
                && environment.getProperty("simulator.enabled", Boolean.class, false);
        if (base != null && !base.isBlank()) {
            setHost(stripSlash(base));
        }
        JedisWxRedisOps ops = new JedisWxRedisOps(redis);
        for (Account account : accounts.all()) {
            WxMpRedisConfigImpl config = new WxMpRedisConfigImpl(ops, redis.key("wx", "token") + ":");
            config.setAppId(account.appId());
            config.setSecret(account.secret());
            config.setToken(account.token());
            config.setAesKey(account.aesKey());
            config.setHostConfig(hosts);
            WxMpServiceImpl service = new SharedTokenWxMpService();
            service.setWxMpConfigStorage(config);
            service.setMaxRetryTimes(properties.apiMaxRetries());
            service.setRetrySleepMillis((int) properties.apiRetrySleep().toMillis());
            services.put(account.appId(), service);
        }
    }

    /** Without a configured API host, the embedded profile points WxJava at its own stand-in. */
    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        if (useLocalStandIn && event.getApplicationContext().getParent() == null) {
            String url = "http://127.0.0.1:" + event.getWebServer().getPort() + LOCAL_STAND_IN_PATH;
            setHost(url);
            log.info("WeChat API calls go to the built-in stand-in at {}", url);
        }
    }

    WxMpService service(String appId) {
        WxMpService service = services.get(appId);
        if (service == null) {
            throw new IllegalArgumentException("unknown account " + appId);
        }
        return service;
    }

    String apiHost() {
        return hosts.getApiHost();
    }

    private void setHost(String url) {
        hosts.setApiHost(url);
        hosts.setMpHost(url);
        hosts.setOpenHost(url);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
