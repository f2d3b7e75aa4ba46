package cn.zwgk.assistant.disclosure;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of identity and contact data. Each returns the key of the error text under
 * {@code disclosure.invalid} in {@code texts.yml}, or empty when the value is valid.
 */
final class Validators {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private Validators() {
    }

    /** 居民身份证 (GB 11643-1999): 18 characters, a real birth date, the ISO 7064 MOD 11-2 check digit. */
    static Optional<String> idNumber(String value, LocalDate today) {
        String id = value == null ? "" : value.strip().toUpperCase();
        if (id.length() != 18 || !id.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return Optional.of("id-format");
        }
        try {
            LocalDate birth = LocalDate.parse(id.substring(6, 14), BIRTH);
            if (birth.getYear() < 1900 || birth.isAfter(today)) {
                return Optional.of("id-birth");
            }
        } catch (DateTimeParseException e) {
            return Optional.of("id-birth");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return id.charAt(17) == ID_CHECK.charAt(sum % 11) ? Optional.empty() : Optional.of("id-checksum");
    }

    /** 统一社会信用代码 (GB 32100-2015): 18 characters from its alphabet, the MOD 31 check character. */
    static Optional<String> creditCode(String value) {
        String code = value == null ? "" : value.strip().toUpperCase();
        if (code.length() != 18 || !code.chars().allMatch(c -> CREDIT_CHARS.indexOf(c) >= 0)) {
            return Optional.of("credit-format");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARS.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == CREDIT_CHARS.charAt(check) ? Optional.empty() : Optional.of("credit-checksum");
    }

    /** Mainland mobile numbers: 11 digits starting 13–19 (a +86 / 86 prefix and spaces or dashes are allowed). */
    static Optional<String> mobile(String value) {
        return MOBILE.matcher(normaliseMobile(value)).matches() ? Optional.empty() : Optional.of("phone");
    }

    static String normaliseMobile(String value) {
        String v = value == null ? "" : value.replaceAll("[\\s-]", "");
        if (v.startsWith("+86")) {
            v = v.substring(3);
        } else if (v.startsWith("86") && v.length() == 13) {
            v = v.substring(2);
        }
        return v;
    }

    static Optional<String> email(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value.strip()).matches()
                ? Optional.empty() : Optional.of("email");
    }
}
