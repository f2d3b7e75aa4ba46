package cn.zwgk.assistant.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import cn.zwgk.assistant.wechat.Account;

/** The access tokens the stand-in hands out, checked against the configured appIds and secrets. */
final class StandInTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Function<String, Optional<Account>> accounts;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Issued> byToken = new ConcurrentHashMap<>();
    private final Map<String, Issued> latestByApp = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    StandInTokens(Function<String, Optional<Account>> accounts, Duration lifetime, Clock clock) {
        this.accounts = accounts;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * A token for the account, or the WeChat error code. {@code reuse} (the stable token without
     * {@code force_refresh}) hands back the account's latest token while it is valid.
     */
    Grant grant(String appId, String secret, boolean reuse) {
        requests.incrementAndGet();
        Account account = appId == null ? null : accounts.apply(appId).orElse(null);
        if (account == null) {
            return Grant.refused(WechatErrors.INVALID_APPID);
        }
        if (secret == null || !Objects.equals(secret, account.secret())) {
            return Grant.refused(WechatErrors.INVALID_SECRET);
        }
        Instant now = clock.instant();
        byToken.values().removeIf(issued -> !issued.expiresAt().isAfter(now));
        Issued latest = latestByApp.get(appId);
        if (reuse && latest != null && latest.expiresAt().isAfter(now)) {
            return new Grant(latest.token(), Duration.between(now, latest.expiresAt()).toSeconds(), 0);
        }
        Issued issued = new Issued(newToken(), appId, now.plus(lifetime));
        byToken.put(issued.token(), issued);
        latestByApp.put(appId, issued);
        return new Grant(issued.token(), lifetime.toSeconds(), 0);
    }

    /** The appId a valid token was issued to. */
    Optional<String> appIdFor(String token) {
        Issued issued = token == null ? null : byToken.get(token);
        if (issued == null || !issued.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(issued.appId());
    }

    void expireAll() {
        byToken.clear();
        latestByApp.clear();
    }

    int requests() {
        return requests.get();
    }

    void resetRequests() {
        requests.set(0);
    }

    private static String newToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return "SIM_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Issued(String token, String appId, Instant expiresAt) {
    }

    /** A granted token ({@code errcode} 0) or a refusal. */
    record Grant(String token, long expiresIn, int errcode) {

        static Grant refused(int errcode) {
            return new Grant(null, 0, errcode);
        }

        boolean granted() {
            return errcode == 0;
        }
    }
}
