package cn.zwgk.assistant.disclosure;

import java.time.LocalDate;

/** An application was received (online or registered by staff). Published within the transaction. */
public record DisclosureSubmitted(String trackingNo, String appId, String openid, IntakeChannel channel,
                                  LocalDate receivedOn, LocalDate dueOn) {
}
