package cn.zwgk.assistant.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON answers of the WeChat API: {@code errcode} and {@code errmsg} as WeChat words them. */
final class WechatErrors {

    static final int SYSTEM_BUSY = -1;
    static final int INVALID_CREDENTIAL = 40001;
    static final int INVALID_OPENID = 40003;
    static final int INVALID_GRANT_TYPE = 40002;
    static final int INVALID_APPID = 40013;
    static final int INVALID_SECRET = 40125;
    static final int ACCESS_TOKEN_MISSING = 41001;
    static final int DATA_FORMAT_ERROR = 47001;
    static final int API_UNAUTHORIZED = 48001;

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(SYSTEM_BUSY, "system error"),
            Map.entry(INVALID_CREDENTIAL, "invalid credential, access_token is invalid or not latest"),
            Map.entry(INVALID_OPENID, "invalid openid"),
            Map.entry(INVALID_GRANT_TYPE, "invalid grant_type"),
            Map.entry(API_UNAUTHORIZED, "api unauthorized"),
            Map.entry(INVALID_APPID, "invalid appid"),
            Map.entry(INVALID_SECRET, "invalid appsecret"),
            Map.entry(ACCESS_TOKEN_MISSING, "access_token missing"),
            Map.entry(DATA_FORMAT_ERROR, "data format error"),
            Map.entry(42001, "access_token expired"),
            Map.entry(43004, "require subscribe"),
            Map.entry(45002, "content size out of limit"),
            Map.entry(45015, "response out of time limit or subscription is canceled"),
            Map.entry(45047, "out of response count limit"));

    private WechatErrors() {
    }

    static Map<String, Object> error(int errcode) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("errcode", errcode);
        answer.put("errmsg", MESSAGES.getOrDefault(errcode, "simulated error"));
        return answer;
    }

    static Map<String, Object> ok() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("errcode", 0);
        answer.put("errmsg", "ok");
        return answer;
    }
}
