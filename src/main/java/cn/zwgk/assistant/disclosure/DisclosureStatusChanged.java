package cn.zwgk.assistant.disclosure;

import java.time.LocalDate;

/**
 * A case changed status. {@code appId}/{@code openid} are set for online applications so the
 * applicant can be notified; {@code version} is unique per change of one case.
 *
 * @param note what the applicant should know (the 补正 items, the reply text, the reason …), may be blank
 */
public record DisclosureStatusChanged(String trackingNo, String appId, String openid, CaseStatus from, CaseStatus to,
                                      String action, int version, LocalDate dueOn, String note) {
}
