package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The secrets the repository ships for local runs are known to the build that runs in production. */
class ShippedSecretsTest {

    @Test
    void theAccountsDevelopmentSecretsAndTheDefaultAdminPasswordAreKnown() {
        ShippedSecrets shipped = ShippedSecrets.shipped();
        assertThat(shipped.contains("local-dev-token")).isTrue();
        assertThat(shipped.contains("district-dev-token")).isTrue();
        assertThat(shipped.contains("local-dev-secret")).isTrue();
        assertThat(shipped.contains("district-dev-secret")).isTrue();
        assertThat(shipped.contains("endnay1sb2NhbC1kZXYtZW5jb2RpbmctYWVzLWtleSE")).isTrue();
        assertThat(shipped.contains("admin")).isTrue();
    }

    @Test
    void otherValuesAndSettingsThatAreNoSecretsAreNot() {
        ShippedSecrets shipped = ShippedSecrets.shipped();
        assertThat(shipped.contains("a-secret-of-our-own")).isFalse();
        assertThat(shipped.contains("")).isFalse();
        assertThat(shipped.contains("wx5f8e2d1c0b9a7e01")).as("an appId is no secret").isFalse();
        assertThat(shipped.contains("./data")).isFalse();
        assertThat(shipped.values()).allSatisfy(v -> assertThat(v).doesNotContain("${"));
    }

    @Test
    void secretNamesAndVariables() {
        assertThat(ShippedSecrets.secretName("ADMIN_PASSWORD")).isTrue();
        assertThat(ShippedSecrets.secretName("platform.previous-data-encryption-keys")).isTrue();
        assertThat(ShippedSecrets.secretName("platform.redis-key-prefix")).isFalse();
        assertThat(ShippedSecrets.variableOf("${DISTRICT_WECHAT_TOKEN:district-dev-token}")).isEqualTo("DISTRICT_WECHAT_TOKEN");
        assertThat(ShippedSecrets.variableOf("literal")).isNull();
    }
}
