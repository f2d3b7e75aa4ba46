package cn.zwgk.assistant.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Simulator settings.
 *
 * @param enabled       turns the whole module on (the embedded profile) or off (production)
 * @param replyTimeout  how long the emulated WeChat server waits for the webhook's answer
 * @param retries       how many times it pushes the same message again after a timeout
 * @param tokenLifetime the {@code expires_in} of access tokens the stand-in issues
 * @param keptMessages  how many sent messages the stand-in remembers
 */
@ConfigurationProperties("simulator")
record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("5s") Duration replyTimeout,
        @DefaultValue("3") int retries,
        @DefaultValue("7200s") Duration tokenLifetime,
        @DefaultValue("1000") int keptMessages) {
}
