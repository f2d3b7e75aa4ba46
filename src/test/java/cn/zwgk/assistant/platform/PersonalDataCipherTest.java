package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class PersonalDataCipherTest {

    @TempDir
    Path dir;

    private static PlatformProperties props(Path dataDir, String key) {
        return new PlatformProperties("channel-config", dataDir.toString(), null, "t:", 0, key);
    }

    @Test
    void roundTripsWithAKeyIdPrefixAndFreshIvs() {
        PersonalDataCipher cipher = new PersonalDataCipher(new byte[32]);
        String a = cipher.encrypt("11010519491231002X");
        String b = cipher.encrypt("11010519491231002X");
        assertThat(a).startsWith("v1:" + cipher.keyId() + ":").doesNotContain("1101051949").isNotEqualTo(b);
        assertThat(cipher.decrypt(a)).isEqualTo("11010519491231002X");
        assertThat(cipher.decrypt(cipher.encrypt("地址😀"))).isEqualTo("地址😀");
        assertThat(cipher.encrypt(null)).isNull();
    }

    @Test
    void tamperingAndForeignKeysAreRejected() {
        PersonalDataCipher cipher = new PersonalDataCipher(new byte[32]);
        String sealed = cipher.encrypt("13800138000");
        String tampered = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("A==") ? "B==" : "A==");
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(RuntimeException.class);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new PersonalDataCipher(other).decrypt(sealed)).hasMessageContaining("key");
    }

    @Test
    void derivedKeysAreStablePerPurposeAndUnlikeTheDataKey() {
        byte[] raw = new byte[32];
        raw[1] = 7;
        byte[] links = new PersonalDataCipher(raw).derivedKey("links");
        assertThat(links).hasSize(32).isEqualTo(new PersonalDataCipher(raw.clone()).derivedKey("links"))
                .isNotEqualTo(raw).isNotEqualTo(new PersonalDataCipher(raw).derivedKey("other"))
                .isNotEqualTo(new PersonalDataCipher(new byte[32]).derivedKey("links"));
    }

    @Test
    void usesTheConfiguredKey() {
        byte[] raw = new byte[32];
        raw[5] = 9;
        PersonalDataCipher cipher = new PersonalDataCipher(props(dir, Base64.getEncoder().encodeToString(raw)),
                new MockEnvironment());
        assertThat(new PersonalDataCipher(raw).decrypt(cipher.encrypt("x"))).isEqualTo("x");
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void generatesAKeyFileOnceOutsideProd() throws Exception {
        PersonalDataCipher first = new PersonalDataCipher(props(dir, ""), new MockEnvironment());
        Path file = dir.resolve("keys/data.key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        PersonalDataCipher second = new PersonalDataCipher(props(dir, null), new MockEnvironment());
        assertThat(second.decrypt(first.encrypt("13800138000"))).isEqualTo("13800138000");
    }

    @Test
    void prodRefusesToStartWithoutTheKey() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new PersonalDataCipher(props(dir, " "), prod)).hasMessageContaining("DATA_ENCRYPTION_KEY");
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void masking() {
        assertThat(Masking.idNumber("110101199003071234")).isEqualTo("110***********1234");
        assertThat(Masking.phone("13800138000")).isEqualTo("138****8000");
        assertThat(Masking.address("北京市东城区正义路2号院3号楼")).isEqualTo("北京市东城区****");
        assertThat(Masking.address("东城区正义路")).isEqualTo("东城区****");
        assertThat(Masking.email("zhangsan@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.scrub("{\"id\":\"11010519491231002X\",\"tel\":\"13800138000\"}"))
                .isEqualTo("{\"id\":\"110***********002X\",\"tel\":\"138****8000\"}");
    }

    @Test
    void aRotatedKeyStillOpensOldValuesAndReencryptionMovesThemToTheNewKey() {
        byte[] a = new byte[32];
        a[0] = 1;
        byte[] b = new byte[32];
        b[0] = 2;
        String underA = new PersonalDataCipher(a).encrypt("11010519491231002X");

        PersonalDataCipher rotated = new PersonalDataCipher(b, java.util.List.of(a));
        assertThat(rotated.rotating()).isTrue();
        assertThat(rotated.decrypt(underA)).isEqualTo("11010519491231002X");
        assertThat(rotated.isCurrent(underA)).isFalse();
        assertThat(rotated.encrypt("x")).startsWith("v1:" + rotated.keyId() + ":");
        String underB = rotated.reencrypt(underA);
        assertThat(underB).startsWith("v1:" + rotated.keyId() + ":").isNotEqualTo(underA);
        assertThat(rotated.reencrypt(underB)).isSameAs(underB);

        PersonalDataCipher bAlone = new PersonalDataCipher(b);
        assertThat(bAlone.rotating()).isFalse();
        assertThat(bAlone.decrypt(underB)).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> bAlone.decrypt(underA)).hasMessageContaining("previous");
        // derived keys follow the current key only (links signed before the rotation stop working)
        assertThat(rotated.derivedKey("links")).isEqualTo(bAlone.derivedKey("links"))
                .isNotEqualTo(new PersonalDataCipher(a).derivedKey("links"));
    }

    @Test
    void previousKeysComeFromTheProperties() {
        byte[] a = new byte[32];
        a[3] = 3;
        byte[] b = new byte[32];
        b[3] = 4;
        String underA = new PersonalDataCipher(a).encrypt("13800138000");
        PersonalDataCipher cipher = new PersonalDataCipher(new PlatformProperties("channel-config", dir.toString(), null,
                "t:", 0, Base64.getEncoder().encodeToString(b), java.util.List.of(Base64.getEncoder().encodeToString(a), " ")),
                new MockEnvironment());
        assertThat(cipher.decrypt(underA)).isEqualTo("13800138000");
    }
}
