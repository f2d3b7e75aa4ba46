package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.zwgk.assistant.conversation.ConversationService;
import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.support.ModuleTest;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * The WeChat channel alone, on the project's channel-config (the default account, posted to in plaintext as
 * the other tests do), the conversation and the outbox mocked: a signed text message is answered passively
 * with the conversation's reply, and WeChat's retry of the same MsgId gets the same answer without the
 * conversation being asked again. In the application the webhook is outside the security filter chain
 * ({@code access}, not started here), so only the module's own {@link WebhookGuard} is in front of it.
 */
@ModuleTest
class WechatModuleTest {

    @MockitoBean
    ConversationService conversation;
    @MockitoBean
    OutboxService outbox;

    @Autowired
    WebApplicationContext context;
    @Autowired
    WebhookGuard guard;

    final WechatTestClient wechat = WechatTestClient.defaultAccount(0);
    MockMvc mvc;

    @BeforeEach
    void webhook() {
        // as Spring Boot registers it: for request dispatches only, not for the async dispatch of a slow reply
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilter(guard, "webhookGuard", Map.of(), EnumSet.of(DispatcherType.REQUEST), "/wechat/portal/*").build();
        when(conversation.handle(any())).thenReturn(Reply.of("依申请公开一般在20个工作日内答复。"));
    }

    @Test
    void aSignedTextIsAnsweredPassivelyAndItsRetryIsNotAskedAgain() throws Exception {
        long msgId = WechatTestClient.nextMsgId();
        String xml = wechat.textXml("oWechatModule", "依申请公开多久答复？", msgId);

        String first = postSigned(xml);
        String retry = postSigned(xml);

        assertThat(WechatTestClient.extract(first, "Content")).isEqualTo("依申请公开一般在20个工作日内答复。");
        assertThat(WechatTestClient.extract(first, "ToUserName")).isEqualTo("oWechatModule");
        assertThat(WechatTestClient.extract(retry, "Content")).isEqualTo("依申请公开一般在20个工作日内答复。");
        ArgumentCaptor<InboundMessage> asked = ArgumentCaptor.forClass(InboundMessage.class);
        verify(conversation, times(1)).handle(asked.capture());
        assertThat(asked.getValue().text()).isEqualTo("依申请公开多久答复？");
    }

    /** Posts like WeChat: a fresh signature each time; waits for the reply when it went asynchronous. */
    private String postSigned(String xml) throws Exception {
        String query = wechat.signedQuery(Instant.now().getEpochSecond());
        MvcResult result = mvc.perform(post("/wechat/portal/" + wechat.appId() + query)
                .contentType("text/xml;charset=UTF-8").content(xml.getBytes(StandardCharsets.UTF_8))).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
