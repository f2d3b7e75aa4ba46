package cn.zwgk.assistant.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shared infrastructure settings.
 *
 * @param channelConfigDir folder with the account, menu and text configuration
 * @param dataDir       where the embedded database, indexes and other local state live
 * @param redisUrl      a {@code redis://} URL; blank starts an in-process Redis server
 * @param redisKeyPrefix prefix of every Redis key this deployment writes
 * @param embeddedRedisPort port of the in-process Redis server (0 picks a free one)
 * @param dataEncryptionKey base64 of the 32-byte AES key for personal data at rest; blank outside
 *                          {@code prod} generates one under {@code dataDir/keys}
 * @param previousDataEncryptionKeys keys retired by a rotation (base64, comma-separated): values
 *                          sealed under them are still read, and rewritten under the current key
 * @param eventRetryInterval how often event publications whose listener failed are resubmitted
 *                          ({@code EventRetry}); also done once at start
 */
@ConfigurationProperties("platform")
public record PlatformProperties(
        @DefaultValue("channel-config") String channelConfigDir,
        @DefaultValue("./data") String dataDir,
        String redisUrl,
        @DefaultValue("zwgk:") String redisKeyPrefix,
        @DefaultValue("0") int embeddedRedisPort,
        String dataEncryptionKey,
        java.util.List<String> previousDataEncryptionKeys,
        @DefaultValue("1m") java.time.Duration eventRetryInterval) {

    @ConstructorBinding
    public PlatformProperties {
    }

    /** With the default event retry interval (tests, tools). */
    public PlatformProperties(String channelConfigDir, String dataDir, String redisUrl, String redisKeyPrefix,
                              int embeddedRedisPort, String dataEncryptionKey, java.util.List<String> previousKeys) {
        this(channelConfigDir, dataDir, redisUrl, redisKeyPrefix, embeddedRedisPort, dataEncryptionKey, previousKeys,
                java.time.Duration.ofMinutes(1));
    }

    /** Without previous data-encryption keys (tests, tools). */
    public PlatformProperties(String channelConfigDir, String dataDir, String redisUrl, String redisKeyPrefix,
                              int embeddedRedisPort, String dataEncryptionKey) {
        this(channelConfigDir, dataDir, redisUrl, redisKeyPrefix, embeddedRedisPort, dataEncryptionKey, null);
    }
}
