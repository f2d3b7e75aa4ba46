package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.support.FakeWechatApi;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

class SharedTokenWxMpServiceTest {

    private static final String APP_ID = "wxsharedtoken0001";

    private final FakeWechatApi api = FakeWechatApi.start();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
        api.close();
    }

    @Test
    void concurrentCallersFetchOneTokenAndAllGetIt() throws Exception {
        SharedTokenWxMpService service = service();
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<String>> tokens = IntStream.range(0, 8).mapToObj(i -> threads.submit(() -> {
            start.await();
            return service.getAccessToken();
        })).toList();

        String first = tokens.get(0).get();
        for (Future<String> token : tokens) {
            assertThat(token.get()).isEqualTo(first);
        }
        assertThat(api.tokenRequests(APP_ID)).isEqualTo(1);
    }

    @Test
    void aStoredTokenIsUsedWithoutARequestAndAForcedRefreshFetchesANewOne() throws Exception {
        SharedTokenWxMpService service = service();
        String first = service.getAccessToken();
        assertThat(service.getAccessToken()).isEqualTo(first);
        assertThat(api.tokenRequests(APP_ID)).isEqualTo(1);

        String refreshed = service.getAccessToken(true);
        assertThat(refreshed).isNotEqualTo(first);
        assertThat(api.tokenRequests(APP_ID)).isEqualTo(2);
    }

    @Test
    void anExpiredTokenIsFetchedAgain() throws Exception {
        SharedTokenWxMpService service = service();
        String first = service.getAccessToken();
        service.getWxMpConfigStorage().expireAccessToken();
        assertThat(service.getAccessToken()).isNotEqualTo(first);
        assertThat(api.tokenRequests(APP_ID)).isEqualTo(2);
    }

    private SharedTokenWxMpService service() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(APP_ID);
        config.setSecret("secret");
        config.setHostConfig(new WxMpHostConfig(api.baseUrl(), api.baseUrl(), api.baseUrl()));
        SharedTokenWxMpService service = new SharedTokenWxMpService();
        service.setWxMpConfigStorage(config);
        return service;
    }
}
