package cn.zwgk.assistant.disclosure;

import java.time.Instant;
import java.time.LocalDate;

/** One case as the workflow changes it; loaded and saved whole by {@link CaseRepository}. */
final class DisclosureCase {

    String trackingNo;
    String draftId;
    String appId;
    String openid;
    IntakeChannel channel;
    DisclosureRequest application;
    CaseStatus status;
    CaseStatus pausedStatus;
    LocalDate receivedOn;
    LocalDate clockStartOn;
    LocalDate correctionDueOn;
    LocalDate dueOn;
    boolean dueProvisional;
    int extensionDays;
    LocalDate consultationStartedOn;
    int pausedDays;
    ReplyKind replyKind;
    String replyText;
    int version;
    Instant createdAt;
    Instant updatedAt;
}
