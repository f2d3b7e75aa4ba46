package cn.zwgk.assistant.disclosure;

import java.time.LocalDate;

/** The reply due date of a case moved (补正 restart, extension, consultation pause). */
public record DisclosureDeadlineChanged(String trackingNo, String appId, String openid, LocalDate previousDueOn,
                                        LocalDate dueOn, String action) {
}
