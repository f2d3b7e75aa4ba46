package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class SealedEventSerializerTest {

    record Asked(String openid, String question) {
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void anEventWaitingInTheRegistryIsSealedAndReadBack() {
        SealedEventSerializer serializer = new SealedEventSerializer(JsonMapper.builder().build(),
                new PersonalDataCipher(key()));
        Asked event = new Asked("oCitizen", "我的电话13800138000，身份证11010519491231002X");

        Object stored = serializer.serialize(event);

        assertThat(stored.toString()).doesNotContain("13800138000").doesNotContain("11010519491231002X")
                .doesNotContain("oCitizen").doesNotContain("question");
        assertThat(serializer.deserialize(stored, Asked.class)).isEqualTo(event);
    }
}
