package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import cn.zwgk.assistant.platform.PlatformProperties;
import cn.zwgk.assistant.platform.ShippedSecrets;
import cn.zwgk.assistant.platform.StartupRefusal;

/** The accounts as configured: their message mode, and what production refuses in them. */
class AccountRegistryTest {

    private static final String KEY = "G4WaPLzYB6Gf5DRx4xXTt9LkUK7Zj6s1oFdAmasLfno";

    @TempDir
    Path dir;

    @Test
    void theShippedDefaultAccountIsInSafeModeAndTheDistrictOneInPlainMode() {
        AccountRegistry registry = new AccountRegistry(properties("channel-config"), new MockEnvironment());
        assertThat(registry.defaultAccount().mode()).isEqualTo(Account.Mode.SAFE);
        assertThat(registry.defaultAccount().acceptsPlaintext()).isFalse();
        assertThat(registry.find("wx3a4b5c6d7e8f9a02").orElseThrow().mode()).isEqualTo(Account.Mode.PLAIN);
    }

    @Test
    void theModeCanBeSetPerAccountInAnyCase() throws IOException {
        account("a.yml", "wxa", "mode: Compatible\naesKey: " + KEY);
        account("b.yml", "wxb", "mode: plain\naesKey: " + KEY);
        account("c.yml", "wxc", "mode: ${C_MODE:safe}\naesKey: " + KEY);
        AccountRegistry registry = new AccountRegistry(properties(dir.toString()), new MockEnvironment());
        assertThat(registry.find("wxa").orElseThrow().mode()).isEqualTo(Account.Mode.COMPATIBLE);
        assertThat(registry.find("wxb").orElseThrow().acceptsEncrypted()).isFalse();
        assertThat(registry.find("wxc").orElseThrow().mode()).isEqualTo(Account.Mode.SAFE);
    }

    @Test
    void safeModeWithoutAKeyOrAnUnknownModeStopsTheStartUp() throws IOException {
        account("a.yml", "wxa", "mode: safe\naesKey: ${NO_KEY:}");
        assertThatThrownBy(() -> new AccountRegistry(properties(dir.toString()), new MockEnvironment()))
                .hasMessageContaining("needs an aesKey");
        account("a.yml", "wxa", "mode: secure\naesKey: " + KEY);
        assertThatThrownBy(() -> new AccountRegistry(properties(dir.toString()), new MockEnvironment()))
                .hasMessageContaining("plain, compatible or safe");
    }

    @Test
    void productionRefusesAShippedSecretAndNamesItsVariable() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        prod.withProperty("WECHAT_TOKEN", "t-" + System.nanoTime()).withProperty("WECHAT_AES_KEY", KEY)
                .withProperty("WECHAT_SECRET", "s-" + System.nanoTime());
        assertThatThrownBy(() -> new AccountRegistry(properties("channel-config"), prod, ShippedSecrets.shipped()))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageStartingWith("Refusing to start: DISTRICT_WECHAT_TOKEN ");
        prod.withProperty("DISTRICT_WECHAT_TOKEN", "local-dev-token");
        assertThatThrownBy(() -> new AccountRegistry(properties("channel-config"), prod, ShippedSecrets.shipped()))
                .hasMessageStartingWith("Refusing to start: DISTRICT_WECHAT_TOKEN ");
        prod.withProperty("DISTRICT_WECHAT_TOKEN", "d-" + System.nanoTime())
                .withProperty("DISTRICT_WECHAT_SECRET", "ds-" + System.nanoTime());
        assertThat(new AccountRegistry(properties("channel-config"), prod, ShippedSecrets.shipped()).all()).hasSize(2);
    }

    @Test
    void anUnsetVariableWithoutDefaultIsNamed() throws IOException {
        account("a.yml", "wxa", "token: ${A_TOKEN}");
        assertThatThrownBy(() -> new AccountRegistry(properties(dir.toString()), new MockEnvironment()))
                .isInstanceOf(StartupRefusal.class).hasMessageStartingWith("Refusing to start: A_TOKEN is not set");
    }

    private void account(String file, String appId, String extra) throws IOException {
        Path accounts = Files.createDirectories(dir.resolve("accounts"));
        String token = extra.contains("token:") ? "" : "token: tok\n";
        Files.writeString(accounts.resolve(file), "appId: " + appId + "\noriginalId: gh_" + appId + "\n" + token
                + "secret: s\n" + extra + "\n");
    }

    private static PlatformProperties properties(String channelConfigDir) {
        return new PlatformProperties(channelConfigDir, "./data", null, "t:", 0, null);
    }
}
