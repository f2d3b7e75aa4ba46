package cn.zwgk.assistant.disclosure;

/**
 * What an applicant asks for and who they are (Art. 29), in plain text: it only lives in memory;
 * at rest the personal data is encrypted.
 *
 * @param applicantName        the citizen's name, or the organisation's name
 * @param legalRepresentative  organisations only
 * @param contactPerson        organisations only
 * @param idNumber             citizens: 居民身份证 number
 * @param creditCode           organisations: 统一社会信用代码
 * @param address              postal address (needed for delivery by mail)
 * @param email                e-mail address (needed for delivery by e-mail)
 * @param description          the information wanted: name, 文号 or identifying features
 * @param purpose              optional
 */
public record DisclosureRequest(ApplicantType applicantType, String applicantName, String legalRepresentative,
                          String contactPerson, String idNumber, String creditCode, String phone, String address,
                          String email, String description, String purpose, InfoForm form, DeliveryWay delivery) {

    /** The application with blank fields absent, ID number and credit code in capitals, the mobile number bare. */
    public DisclosureRequest normalised() {
        return new DisclosureRequest(applicantType, trim(applicantName), trim(legalRepresentative), trim(contactPerson),
                upper(idNumber), upper(creditCode), trim(phone) == null ? null : Validators.normaliseMobile(phone),
                trim(address), trim(email), trim(description), trim(purpose), form, delivery);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
