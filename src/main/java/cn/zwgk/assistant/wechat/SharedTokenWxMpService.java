package cn.zwgk.assistant.wechat;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;

/**
 * WxJava's client with the access token fetched under a proper double-checked lock. WxJava 4.7
 * checks the stored token before taking the lock but not after, so a caller that waited for the
 * lock while another refreshed the token fetches a second one, which invalidates the first a few
 * minutes later. Here the token is checked again once the lock is held, and every caller (on every
 * instance, the lock and the token being in Redis) shares the one token.
 */
class SharedTokenWxMpService extends WxMpServiceImpl {

    private static final long LOCK_WAIT_MS = 5_000;

    @Override
    public String getAccessToken(boolean forceRefresh) throws WxErrorException {
        WxMpConfigStorage config = getWxMpConfigStorage();
        if (!forceRefresh && !config.isAccessTokenExpired()) {
            return config.getAccessToken();
        }
        String seen = config.isAccessTokenExpired() ? null : config.getAccessToken();
        Lock lock = config.getAccessTokenLock();
        acquire(lock);
        try {
            // Someone else refreshed while we waited: a new token, or a replacement of the one
            // a forced refresh wanted to get rid of.
            if (!config.isAccessTokenExpired() && (!forceRefresh || !Objects.equals(seen, config.getAccessToken()))) {
                return config.getAccessToken();
            }
            return extractAccessToken(config.isStableAccessToken()
                    ? doGetStableAccessTokenRequest(forceRefresh) : doGetAccessTokenRequest());
        } catch (IOException e) {
            throw new WxErrorException(WxError.builder().errorCode(-1).errorMsg("access token request failed: "
                    + e.getMessage()).build(), e);
        } finally {
            lock.unlock();
        }
    }

    private static void acquire(Lock lock) throws WxErrorException {
        try {
            if (!lock.tryLock(LOCK_WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw new WxErrorException("timed out waiting for the access token lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WxErrorException(e);
        }
    }
}
