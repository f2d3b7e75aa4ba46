package cn.zwgk.assistant.disclosure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The completeness and validity checks of Art. 29 on a whole application: field → error text key. */
final class ApplicationChecks {

    static final int MAX_DESCRIPTION = 1000;

    private ApplicationChecks() {
    }

    static Map<String, String> check(DisclosureRequest a, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (a.applicantType() == null) {
            errors.put("applicantType", "missing");
        }
        if (blank(a.applicantName())) {
            errors.put("applicantName", "missing");
        }
        if (a.applicantType() == ApplicantType.CITIZEN) {
            Validators.idNumber(a.idNumber(), today).ifPresent(e -> errors.put("idNumber", e));
        } else if (a.applicantType() == ApplicantType.ORGANIZATION) {
            Validators.creditCode(a.creditCode()).ifPresent(e -> errors.put("creditCode", e));
        }
        Validators.mobile(a.phone()).ifPresent(e -> errors.put("phone", e));
        if (blank(a.description())) {
            errors.put("description", "missing");
        } else if (a.description().codePointCount(0, a.description().length()) > MAX_DESCRIPTION) {
            errors.put("description", "too-long");
        }
        if (a.form() == null) {
            errors.put("form", "missing");
        }
        if (a.delivery() == null) {
            errors.put("delivery", "missing");
        }
        if (a.delivery() == DeliveryWay.MAIL && blank(a.address())) {
            errors.put("address", "missing");
        }
        if (a.delivery() == DeliveryWay.EMAIL || !blank(a.email())) {
            optionalEmail(a.email()).ifPresent(e -> errors.put("email", e));
        }
        return errors;
    }

    private static Optional<String> optionalEmail(String email) {
        return blank(email) ? Optional.of("missing") : Validators.email(email);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
