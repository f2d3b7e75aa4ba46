package benchmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WeChat side of the benchmark: the default account of {@code channel-config/accounts/default.yml}
 * (its local-run secrets) and signed text messages from many citizens, each with its own MsgId.
 */
final class BenchAccount {

    static final String APP_ID = "wx5f8e2d1c0b9a7e01";
    static final String ORIGINAL_ID = "gh_5f8e2d1c0b9a";
    static final String TOKEN = "local-dev-token";

    /**
     * What citizens open with: greetings and requests for help. The bot answers them from its
     * texts, without the knowledge base, so the benchmark measures the webhook and not a model.
     */
    static final List<String> TEXTS = List.of("你好", "您好", "在吗", "你好，在吗？", "谢谢", "早上好", "下午好",
            "好的，谢谢", "帮助", "菜单", "功能", "hello");

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final List<String> openids;
    private final AtomicLong msgIds = new AtomicLong(System.currentTimeMillis() * 1000);
    private final AtomicLong sequence = new AtomicLong();

    BenchAccount(int users) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String[] ids = new String[users];
        for (int i = 0; i < users; i++) {
            StringBuilder id = new StringBuilder("oBen");
            while (id.length() < 28) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            ids[i] = id.toString();
        }
        this.openids = List.of(ids);
    }

    /** The next message: a new MsgId, the next citizen, the next text. */
    Message next() {
        long n = sequence.getAndIncrement();
        String openid = openids.get((int) (n % openids.size()));
        String text = TEXTS.get((int) (n % TEXTS.size()));
        long now = System.currentTimeMillis() / 1000;
        String xml = "<xml><ToUserName><![CDATA[" + ORIGINAL_ID + "]]></ToUserName><FromUserName><![CDATA["
                + openid + "]]></FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + text + "]]></Content><MsgId>" + msgIds.incrementAndGet() + "</MsgId></xml>";
        return new Message(signedQuery(now, openid), xml.getBytes(StandardCharsets.UTF_8), openid);
    }

    /** The query string WeChat adds to a plain-mode POST. */
    static String signedQuery(long timestamp, String openid) {
        String ts = Long.toString(timestamp);
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        return "signature=" + sign(TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce + "&openid=" + openid;
    }

    static String path() {
        return "/wechat/portal/" + APP_ID;
    }

    static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One signed webhook call; a good answer is a passive text reply addressed to {@code openid}. */
    record Message(String query, byte[] body, String openid) {

        boolean answeredBy(String responseBody) {
            return responseBody.contains("<Content>") && responseBody.contains("[" + openid + "]");
        }
    }
}
