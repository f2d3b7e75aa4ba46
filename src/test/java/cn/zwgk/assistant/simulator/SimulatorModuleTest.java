package cn.zwgk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.zwgk.assistant.simulator.WechatApiStandIn.Api;
import cn.zwgk.assistant.simulator.WechatApiStandIn.SentMessage;
import cn.zwgk.assistant.support.ModuleTest;
import cn.zwgk.assistant.wechat.Account;
import cn.zwgk.assistant.wechat.AccountRegistry;

/**
 * The simulator alone, the accounts of {@code wechat} mocked: its stand-in for the WeChat API hands an
 * access token only for the account's secret, and records a customer-service message sent with it. The
 * console's security belongs to {@code access}, which is not started, so the servlet filters are left out.
 */
@ModuleTest
@AutoConfigureMockMvc(addFilters = false)
@TestPropertySource(properties = "simulator.enabled=true")
class SimulatorModuleTest {

    static final String APP_ID = "wxSimulatorModule";
    static final String BASE = "/simulator/wx-api/cgi-bin";

    @MockitoBean
    AccountRegistry accounts;

    @Autowired
    MockMvc mvc;
    @Autowired
    WechatApiStandIn standIn;

    @BeforeEach
    void oneAccount() {
        Account account = new Account(APP_ID, "gh_simulator", "模块测试号", "token", null, "the-secret", true, null,
                Account.Mode.PLAIN, false, false);
        when(accounts.find(anyString())).thenReturn(Optional.empty());
        when(accounts.find(APP_ID)).thenReturn(Optional.of(account));
    }

    @Test
    void aTokenForTheRightSecretCarriesACustomerServiceMessageThatIsRecorded() throws Exception {
        mvc.perform(get(BASE + "/token").param("grant_type", "client_credential").param("appid", APP_ID)
                        .param("secret", "not-the-secret"))
                .andExpect(jsonPath("$.errcode").value(WechatErrors.INVALID_SECRET))
                .andExpect(jsonPath("$.access_token").doesNotExist());

        String granted = mvc.perform(get(BASE + "/token").param("grant_type", "client_credential")
                        .param("appid", APP_ID).param("secret", "the-secret"))
                .andExpect(jsonPath("$.expires_in").value(7200))
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(granted, "$.access_token");

        mvc.perform(post(BASE + "/message/custom/send").param("access_token", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"touser\":\"oSimulator\",\"msgtype\":\"text\",\"text\":{\"content\":\"您好，已受理\"}}"))
                .andExpect(jsonPath("$.errcode").value(0));

        assertThat(standIn.sentTo("oSimulator")).singleElement().satisfies((SentMessage sent) -> {
            assertThat(sent.api()).isEqualTo(Api.CUSTOMER_SERVICE);
            assertThat(sent.appId()).isEqualTo(APP_ID);
            assertThat(sent.content()).isEqualTo("您好，已受理");
        });
    }
}
