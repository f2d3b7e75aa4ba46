package cn.zwgk.assistant.platform;

import java.util.regex.Pattern;

/** Masked forms of personal data for the UI, logs, exports and the audit log. */
public final class Masking {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{3})\\d{11}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private Masking() {
    }

    /** {@code 110101199003071234} → {@code 110***********1234}: first 3 and last 4 kept. */
    public static String idNumber(String id) {
        return keepEnds(id, 3, 4);
    }

    /** {@code 13800138000} → {@code 138****8000}. */
    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    /** The first six characters and {@code ****}; short addresses keep fewer. */
    public static String address(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        int cps = address.codePointCount(0, address.length());
        int keep = Math.min(6, Math.max(1, cps / 2));
        return address.substring(0, address.offsetByCodePoints(0, keep)) + "****";
    }

    /** {@code zhangsan@example.com} → {@code z***@example.com}. */
    public static String email(String email) {
        if (email == null || email.indexOf('@') < 1) {
            return email;
        }
        return email.charAt(0) + "***" + email.substring(email.indexOf('@'));
    }

    /** Masks anything in free text that looks like an ID or mobile number (a safety net for logs). */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String t = ID_NUMBER.matcher(text).replaceAll("$1***********$2");
        return MOBILE.matcher(t).replaceAll("$1****$2");
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String v = value.strip();
        if (v.length() <= head + tail) {
            return "*".repeat(v.length());
        }
        return v.substring(0, head) + "*".repeat(v.length() - head - tail) + v.substring(v.length() - tail);
    }
}
