package cn.zwgk.assistant.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masker of personal data: masked forms for the UI, the bot's echoes, logs, caches,
 * exports and the audit log ({@link #idNumber}, {@link #phone}, {@link #email}, {@link #address},
 * {@link #name}), and {@link #scrub} for free text, which masks whatever it recognises.
 */
public final class Masking {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{3})\\d{11}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    /** Mainland mobile numbers, also written {@code +86 138 0013 8000} or {@code 138-0013-8000}. */
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![\\d+])(?:\\+?86[\\s-]?)?(1[3-9]\\d)[\\s-]?\\d{4}[\\s-]?(\\d{4})(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3})([\\s-]?)\\d{3,4}(\\d{4})(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /**
     * A postal address where it is recognisable: a road, lane, village or estate followed by a
     * house number ({@code 正义路2号}, {@code 花园小区3栋}), with what is written before and after it
     * up to the next punctuation or space.
     */
    private static final Pattern ADDRESS = Pattern.compile("[\\p{IsHan}A-Za-z0-9]{0,30}"
            + "(?:路|街|道|巷|弄|胡同|村|里|小区|家园|花园|苑|大厦|公寓)\\s?[0-9０-９]+(?:[-－][0-9０-９]+)*\\s?"
            + "(?:号|弄|栋|幢|座|室)[\\p{IsHan}A-Za-z0-9#－-]{0,30}");
    /** A name where the text says it is one ({@code 我叫赵六}, {@code 联系人：李四}). */
    private static final Pattern LABELLED_NAME = Pattern.compile(
            "(我叫|姓名|名字|联系人|法定代表人|收件人)((?:是|为|叫)?[：:\\s]*)([\\p{IsHan}·]{2,4})");

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

    /** {@code 张三} → {@code 张*}, {@code 欧阳娜娜} → {@code 欧***}: the first character kept. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int cps = n.codePointCount(0, n.length());
        return cps == 1 ? "*" : n.substring(0, n.offsetByCodePoints(0, 1)) + "*".repeat(cps - 1);
    }

    /**
     * Masks everything in free text that looks like personal data: ID numbers, e-mail addresses,
     * mobile and landline numbers, postal addresses with a house number, and names the text labels
     * as names. The safety net for logs, the audit log and text sent to a language model; what the
     * dialog knows to be personal it masks itself.
     */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String t = ID_NUMBER.matcher(text).replaceAll("$1***********$2");
        t = EMAIL.matcher(t).replaceAll(m -> Matcher.quoteReplacement(email(m.group())));
        t = MOBILE.matcher(t).replaceAll("$1****$2");
        t = LANDLINE.matcher(t).replaceAll("$1$2****$3");
        t = ADDRESS.matcher(t).replaceAll(m -> Matcher.quoteReplacement(address(m.group())));
        return LABELLED_NAME.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + name(m.group(3))));
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
