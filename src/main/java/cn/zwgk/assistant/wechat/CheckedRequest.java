package cn.zwgk.assistant.wechat;

/**
 * A webhook request that passed {@link WebhookGuard}: its account is known, its signature and
 * timestamp are good, and (a message) its body is within the cap and not a replay with another body.
 *
 * @param account       the account the path names
 * @param timestamp     the signed {@code timestamp}
 * @param nonce         the signed {@code nonce}
 * @param msgSignature  {@code msg_signature} (encrypted messages), else null
 * @param encrypted     the request says {@code encrypt_type=aes}
 * @param body          the body as UTF-8 (null for a URL check)
 * @param replayChecked false when Redis could not be asked whether the query string was used before
 * @param startedNanos  {@link System#nanoTime()} when the request arrived, for the reply latency
 */
record CheckedRequest(Account account, String timestamp, String nonce, String msgSignature, boolean encrypted,
                      String body, boolean replayChecked, long startedNanos) {

    /** The request attribute it is found under. */
    static final String ATTRIBUTE = "cn.zwgk.assistant.wechat.CheckedRequest";
}
