package cn.zwgk.assistant.wechat;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zwgk.assistant.conversation.InboundMessage;

/**
 * Opens the body of a signed, fresh webhook request: the account's mode decides whether it must be
 * encrypted (safe), may be (compatible) or must not be (plain); an encrypted one is checked against
 * {@code msg_signature} and its appId; the message must be addressed to the account
 * ({@code ToUserName} = its original id).
 */
final class InboundEnvelope {

    private static final Logger log = LoggerFactory.getLogger(InboundEnvelope.class);

    private InboundEnvelope() {
    }

    /**
     * The message in {@code body}; throws {@link BadMessageException} (400) when it cannot be read,
     * {@link RefusedMessageException} (403) when it may not be taken.
     *
     * @param encrypted whether the request says {@code encrypt_type=aes}
     * @param clock the time of a message without {@code CreateTime}
     */
    static InboundMessage open(Account account, String body, boolean encrypted, String timestamp, String nonce,
                               String msgSignature, Clock clock) {
        if (!encrypted && !account.acceptsPlaintext()) {
            throw new RefusedMessageException("mode", "plaintext refused: the account is in safe mode");
        }
        if (encrypted && !account.acceptsEncrypted()) {
            throw new BadMessageException("encrypted message for an account in plain mode");
        }
        Map<String, String> fields = SafeXml.parse(body);
        if (encrypted) {
            fields = decrypt(account, fields, timestamp, nonce, msgSignature);
        }
        InboundMessage message = InboundParser.parse(account, fields, clock);
        String to = fields.get("ToUserName");
        if (to == null || !account.originalId().equals(to.strip())) {
            throw new RefusedMessageException("addressee", "ToUserName is not this account's original id");
        }
        return message;
    }

    private static Map<String, String> decrypt(Account account, Map<String, String> envelope, String timestamp,
                                               String nonce, String msgSignature) {
        String encrypted = envelope.get("Encrypt");
        if (encrypted == null || encrypted.isBlank()) {
            throw new BadMessageException("safe mode message without Encrypt");
        }
        String expected = MessageCrypto.signature(account.token(), timestamp, nonce, encrypted);
        if (!MessageCrypto.matches(expected, msgSignature)) {
            throw new RefusedMessageException("msg_signature", "bad msg_signature or appId");
        }
        MessageCrypto.Decrypted decrypted = MessageCrypto.decrypt(account, encrypted);
        if (decrypted.previousKey()) {
            log.info("Message for account {} was sealed with the previous EncodingAESKey", account.appId());
        }
        if (!account.appId().equals(decrypted.appId())) {
            log.warn("Encrypted message for account {} carries appId {}", account.appId(), decrypted.appId());
            throw new RefusedMessageException("msg_signature", "bad msg_signature or appId");
        }
        return SafeXml.parse(decrypted.xml());
    }
}
