package cn.zwgk.assistant.disclosure;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** An application being filled in by conversation: the answers so far and what is asked next. */
final class Draft {

    final String id;
    final String appId;
    final String openid;
    final Map<DraftField, String> values = new EnumMap<>(DraftField.class);
    /** The field asked last; {@code null} once the summary is shown and confirmation awaited. */
    DraftField pending = DraftField.TYPE;
    boolean vagueAsked;

    Draft(String id, String appId, String openid) {
        this.id = id;
        this.appId = appId;
        this.openid = openid;
    }

    ApplicantType type() {
        return enumValue(DraftField.TYPE, ApplicantType.class);
    }

    DeliveryWay delivery() {
        return enumValue(DraftField.DELIVERY, DeliveryWay.class);
    }

    String get(DraftField field) {
        return values.get(field);
    }

    /** The first required field not yet answered. */
    Optional<DraftField> nextMissing() {
        return DraftField.required(type(), delivery()).stream().filter(f -> !values.containsKey(f)).findFirst();
    }

    DisclosureRequest toApplication() {
        boolean org = type() == ApplicantType.ORGANIZATION;
        return new DisclosureRequest(type(), get(DraftField.NAME), org ? get(DraftField.LEGAL_REP) : null,
                org ? get(DraftField.CONTACT) : null, org ? null : get(DraftField.ID), org ? get(DraftField.CREDIT) : null,
                get(DraftField.PHONE), delivery() == DeliveryWay.MAIL ? get(DraftField.ADDRESS) : null,
                delivery() == DeliveryWay.EMAIL ? get(DraftField.EMAIL) : null, get(DraftField.DESCRIPTION),
                get(DraftField.PURPOSE), enumValue(DraftField.FORM, InfoForm.class), delivery());
    }

    private <E extends Enum<E>> E enumValue(DraftField field, Class<E> type) {
        String v = values.get(field);
        return v == null ? null : Enum.valueOf(type, v);
    }
}
