package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Message keys outlive every replay of the request that brought them. */
class WechatPropertiesTest {

    @Test
    void byDefaultMessageKeysOutliveTheReplayWindowOnBothSidesOfTheTimestamp() {
        WechatProperties defaults = bind(Map.of());
        assertThat(defaults.replayWindow()).isEqualTo(Duration.ofSeconds(300));
        assertThat(defaults.dedupeTtl()).isGreaterThan(defaults.replayWindow().multipliedBy(2));
    }

    @Test
    void aDedupeTtlShorterThanTheReplayWindowIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("wechat.dedupe-ttl", "120s"))).rootCause()
                .hasMessageContaining("wechat.dedupe-ttl");
        assertThat(bind(Map.of("wechat.replay-window", "60s", "wechat.dedupe-ttl", "125s")).dedupeTtl())
                .isEqualTo(Duration.ofSeconds(125));
    }

    private static WechatProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("wechat", WechatProperties.class);
    }
}
