package cn.zwgk.assistant.disclosure;

import java.util.ArrayList;
import java.util.List;

/** The fields collected in the conversation, in the order they are asked; {@link #key} names their texts. */
enum DraftField {
    TYPE("type"), NAME("name"), LEGAL_REP("legal-rep"), CONTACT("contact"), ID("id"), CREDIT("credit"),
    PHONE("phone"), DESCRIPTION("description"), FORM("form"), DELIVERY("delivery"), ADDRESS("address"),
    EMAIL("email"), PURPOSE("purpose");

    final String key;

    DraftField(String key) {
        this.key = key;
    }

    /** The fields an applicant of this type must give, given the answers so far. */
    static List<DraftField> required(ApplicantType type, DeliveryWay delivery) {
        List<DraftField> fields = new ArrayList<>(List.of(TYPE, NAME));
        if (type == ApplicantType.ORGANIZATION) {
            fields.addAll(List.of(LEGAL_REP, CONTACT, CREDIT));
        } else {
            fields.add(ID);
        }
        fields.addAll(List.of(PHONE, DESCRIPTION, FORM, DELIVERY));
        if (delivery == DeliveryWay.MAIL) {
            fields.add(ADDRESS);
        } else if (delivery == DeliveryWay.EMAIL) {
            fields.add(EMAIL);
        }
        return fields;
    }
}
