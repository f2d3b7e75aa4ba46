package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.platform.PersonalDataCipher;
import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.TestBackends;

/**
 * Data-encryption key rotation on one database: cases and drafts written under key A are read
 * after rotating to B (A previous), the start-up job rewrites them under B, and then B alone reads them.
 */
@ExtendWith(ExternalBackendCondition.class)
class KeyRotationIT {

    @Test
    void dataWrittenUnderTheOldKeyIsReadableAfterRotationAndWithTheNewKeyAloneAfterReencryption() {
        String keyA = randomKey();
        String keyB = randomKey();
        Map<String, String> props = new HashMap<>(TestBackends.properties());
        String trackingNo;
        String draftId = UUID.randomUUID().toString();

        props.put("platform.data-encryption-key", keyA);
        String keyIdA;
        try (AppInstance app = AppInstance.start(props)) {
            keyIdA = app.bean(PersonalDataCipher.class).keyId();
            trackingNo = app.bean(DisclosureService.class).submitOnline(draftId, "wxApp", "oRotate", application()).trackingNo();
            app.bean(JdbcClient.class).sql("insert into disclosure_draft (id, app_id, openid, status, data_enc, created_at, updated_at) "
                            + "values (?, 'wxApp', 'oRotateDraft', 'ACTIVE', ?, current_timestamp, current_timestamp)")
                    .params(UUID.randomUUID().toString(), app.bean(PersonalDataCipher.class)
                            .encrypt("{\"values\":{},\"pending\":null,\"vagueAsked\":false}")).update();
        }

        props.put("platform.data-encryption-key", keyB);
        props.put("platform.previous-data-encryption-keys", keyA);
        try (AppInstance app = AppInstance.start(props)) {
            PersonalDataCipher cipher = app.bean(PersonalDataCipher.class);
            assertThat(cipher.keyId()).isNotEqualTo(keyIdA);
            // readable at once, whether or not the background job has got to it yet
            assertThat(app.bean(CaseRepository.class).find(trackingNo).orElseThrow().application.idNumber())
                    .isEqualTo("11010519491231002X");
            KeyRotationJob job = app.bean(KeyRotationJob.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> job.remaining() == 0);
            assertThat(job.reencryptAll()).as("nothing left to rewrite").isZero();
            Map<String, Object> row = app.bean(JdbcClient.class)
                    .sql("select id_number_enc, phone_enc, address_enc from disclosure_case where tracking_no = ?")
                    .param(trackingNo).query().singleRow();
            assertThat(row.values()).allSatisfy(v -> assertThat(v.toString()).startsWith("v1:" + cipher.keyId() + ":"));
        }

        props.remove("platform.previous-data-encryption-keys");
        try (AppInstance app = AppInstance.start(props)) {
            DisclosureCase c = app.bean(CaseRepository.class).find(trackingNo).orElseThrow();
            assertThat(c.application.idNumber()).isEqualTo("11010519491231002X");
            assertThat(c.application.phone()).isEqualTo("13800138000");
            assertThat(c.application.address()).isEqualTo("北京市东城区正义路2号院3号楼");
            assertThat(app.bean(DraftStore.class).latestActive("wxApp", "oRotateDraft")).isPresent();
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static DisclosureRequest application() {
        return new DisclosureRequest(ApplicantType.CITIZEN, "轮换", null, null, "11010519491231002X", null, "13800138000",
                "北京市东城区正义路2号院3号楼", null, "2025年本区河道治理项目的验收报告", null, InfoForm.ELECTRONIC,
                DeliveryWay.ONLINE);
    }
}
