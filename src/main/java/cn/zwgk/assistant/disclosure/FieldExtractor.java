package cn.zwgk.assistant.disclosure;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds application fields in free text: several in one message ("我叫张三，电话13800138000"),
 * corrections ("电话填错了，是…"), or a plain answer to the field just asked. Values are checked;
 * an invalid one is reported under {@link Result#errors} with the key of its error text.
 */
final class FieldExtractor {

    static final int MAX_DESCRIPTION = ApplicationChecks.MAX_DESCRIPTION;

    private static final String STOP = "(?=[，,。；;！!\\s]|电话|手机|身份|地址|邮箱|联系|号码|$)";
    private static final Pattern FORM_AND_DELIVERY_WORDS = Pattern.compile(
            "电子邮件|(?:电子|纸质)(?:版|件|文档)?|纸件|书面|(?:网上|在线|线上|网络)(?:获取|查看|下载)?|邮寄(?:给我)?|快递"
                    + "|(?:自行|现场)?领取|自取|获取");
    private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9A-Za-z])\\d{15,17}[0-9Xx]?(?![0-9A-Za-z])");
    private static final Pattern CREDIT_LIKE = Pattern.compile("(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d+])(?:\\+?86[\\s-]?)?1\\d{2}[\\s-]?\\d{4}[\\s-]?\\d{4}(?!\\d)");
    private static final Pattern PHONE_HINT = Pattern.compile("(?:电话|手机|号码)[^\\d]{0,8}(\\d[\\d\\s-]{5,15})");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern NAME = Pattern.compile("(?:我叫|姓名|名字|单位名称|公司名称|单位全称)(?:填错了|错了|写错了)?[，,。\\s]*"
            + "(?:是|为|改为|改成|应为|应该是)?[：:\\s]*([\\p{IsHan}·A-Za-z（）()]{2,40}?)" + STOP);
    private static final Pattern LEGAL_REP = Pattern.compile("法定代表人(?:是|为|改为)?[：:\\s]*([\\p{IsHan}·]{2,10}?)" + STOP);
    private static final Pattern CONTACT = Pattern.compile("联系人(?:是|为|改为)?[：:\\s]*([\\p{IsHan}·]{2,10}?)" + STOP);
    private static final Pattern ADDRESS = Pattern.compile("(?:地址|寄到|住址)(?:填错了|错了)?[，,\\s]*(?:是|为|改为|改成)?[：:\\s]*([^，,；;]{5,200})");
    private static final Pattern DESCRIPTION = Pattern.compile("(?:申请公开|想要公开|要求公开)(?:关于)?[：:\\s]*(.{2,})", Pattern.DOTALL);
    private static final Pattern PURPOSE = Pattern.compile("(?:用途|用于)(?:是|为)?[：:\\s]*([^，,；;。]{2,200})");
    private static final Pattern WANTS_ORG = Pattern.compile("以(?:法人|单位|公司|企业|组织)");
    private static final Pattern WANTS_CITIZEN = Pattern.compile("以(?:公民|个人)");

    private FieldExtractor() {
    }

    /** What one message contained. */
    record Result(Map<DraftField, String> values, Map<DraftField, String> errors, boolean truncated) {

        boolean isEmpty() {
            return values.isEmpty() && errors.isEmpty();
        }
    }

    /** Structured fields only: those the text names or whose format identifies them. */
    static Result explicit(String text, Draft draft, LocalDate today) {
        Map<DraftField, String> values = new EnumMap<>(DraftField.class);
        Map<DraftField, String> errors = new EnumMap<>(DraftField.class);
        String t = text == null ? "" : text.strip();
        DraftField pending = draft.pending;
        identity(t, draft, today, values, errors);
        Matcher phone = PHONE.matcher(t);
        if (phone.find()) {
            String p = Validators.normaliseMobile(phone.group());
            Validators.mobile(p).ifPresentOrElse(e -> errors.put(DraftField.PHONE, e), () -> values.put(DraftField.PHONE, p));
        } else if (pending == DraftField.PHONE || PHONE_HINT.matcher(t).find()) {
            Matcher hint = PHONE_HINT.matcher(t);
            if (hint.find() || pending == DraftField.PHONE && t.matches(".*\\d{5,}.*")) {
                errors.put(DraftField.PHONE, "phone");
            }
        }
        Matcher email = EMAIL.matcher(t);
        if (email.find()) {
            Validators.email(email.group()).ifPresentOrElse(e -> errors.put(DraftField.EMAIL, e),
                    () -> values.put(DraftField.EMAIL, email.group()));
        }
        find(NAME, t).ifPresent(v -> values.put(DraftField.NAME, v));
        find(LEGAL_REP, t).ifPresent(v -> values.put(DraftField.LEGAL_REP, v));
        find(CONTACT, t).ifPresent(v -> values.put(DraftField.CONTACT, v));
        if (pending != DraftField.DESCRIPTION) {
            find(ADDRESS, t).ifPresent(v -> values.put(DraftField.ADDRESS, v));
            find(PURPOSE, t).ifPresent(v -> values.put(DraftField.PURPOSE, v));
        }
        if (pending == DraftField.TYPE) {
            if (t.matches(".*(法人|组织|单位|公司|企业).*")) {
                values.put(DraftField.TYPE, ApplicantType.ORGANIZATION.name());
            } else if (t.matches(".*(公民|个人|本人|自己|私人).*")) {
                values.put(DraftField.TYPE, ApplicantType.CITIZEN.name());
            }
        } else if (WANTS_ORG.matcher(t).find()) {
            values.put(DraftField.TYPE, ApplicantType.ORGANIZATION.name());
        } else if (WANTS_CITIZEN.matcher(t).find()) {
            values.put(DraftField.TYPE, ApplicantType.CITIZEN.name());
        }
        boolean choice = pending == DraftField.FORM || pending == DraftField.DELIVERY || pending == null
                || t.matches(".*(形式|方式|获取|领取|邮寄|纸质).*");
        if (choice && pending != DraftField.DESCRIPTION) {
            formAndDelivery(t, values);
        }
        return new Result(values, errors, false);
    }

    /** The whole message as the answer to a free-text field ({@code name}, address, description …). */
    static Optional<String> freeText(String text) {
        String t = text == null ? "" : text.strip().replaceAll("^(?:我叫|我是|是|就是)", "").strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /**
     * The text without the phone numbers, ID numbers and e-mail addresses found in it, nor their
     * labels, nor — when {@code choseFormOrDelivery}, the message having chosen them — the words
     * that choose the form and the delivery ("孙七 电子 网上获取" → "孙七").
     */
    static String residual(String text, boolean choseFormOrDelivery) {
        String t = PHONE.matcher(text).replaceAll(" ");
        t = ID_LIKE.matcher(t).replaceAll(" ");
        t = EMAIL.matcher(t).replaceAll(" ");
        t = t.replaceAll("(?:我的)?(?:电话|手机号?码?|身份证号?码?|邮箱|是)", " ");
        if (choseFormOrDelivery) {
            t = FORM_AND_DELIVERY_WORDS.matcher(t).replaceAll(" ");
        }
        return t.replaceAll("[，,。；;：:\\s]+", " ").strip();
    }

    /** The description in a starting message such as "我想申请公开2025年…的文件". */
    static Optional<String> descriptionIn(String text) {
        return text == null ? Optional.empty() : find(DESCRIPTION, text.strip());
    }

    /** At most {@link #MAX_DESCRIPTION} code points, surrogate pairs (emoji) kept whole. */
    static String cap(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_DESCRIPTION) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_DESCRIPTION));
    }

    /** Too short or too general for staff to identify the information. */
    static boolean vague(String description) {
        String core = description.replaceAll("[\\p{P}\\p{S}\\s]", "");
        int n = core.codePointCount(0, core.length());
        return n < 8 || n < 16 && !core.matches(".*\\d.*") && core.matches(".*(所有|全部|一切|相关|有关|各种|任何).*");
    }

    private static void identity(String t, Draft draft, LocalDate today, Map<DraftField, String> values,
                                 Map<DraftField, String> errors) {
        boolean org = draft.type() == ApplicantType.ORGANIZATION;
        Matcher credit = CREDIT_LIKE.matcher(t.toUpperCase(Locale.ROOT));
        if (org && credit.find()) {
            String code = credit.group();
            Validators.creditCode(code).ifPresentOrElse(e -> errors.put(DraftField.CREDIT, e),
                    () -> values.put(DraftField.CREDIT, code));
            return;
        }
        Matcher id = ID_LIKE.matcher(t);
        if (id.find()) {
            String v = id.group().toUpperCase(Locale.ROOT);
            DraftField field = org ? DraftField.CREDIT : DraftField.ID;
            Optional<String> error = org ? Validators.creditCode(v) : Validators.idNumber(v, today);
            error.ifPresentOrElse(e -> errors.put(field, e), () -> values.put(field, v));
        } else if (draft.pending == DraftField.ID && t.matches(".*\\d{6,}.*")) {
            errors.put(DraftField.ID, "id-format");
        } else if (draft.pending == DraftField.CREDIT && t.matches(".*[0-9A-Za-z]{8,}.*")) {
            errors.put(DraftField.CREDIT, "credit-format");
        }
    }

    private static void formAndDelivery(String t, Map<DraftField, String> values) {
        String lower = t.toLowerCase(Locale.ROOT);
        boolean emailWay = lower.matches(".*(电子邮件|邮箱|email|e-mail).*");
        if (t.contains("纸质") || t.contains("纸件") || t.contains("书面")) {
            values.put(DraftField.FORM, InfoForm.PAPER.name());
        } else if (t.replace("电子邮件", "").contains("电子") || emailWay) {
            values.put(DraftField.FORM, InfoForm.ELECTRONIC.name());
        }
        if (t.matches(".*(邮寄|寄给|寄到|快递).*")) {
            values.put(DraftField.DELIVERY, DeliveryWay.MAIL.name());
        } else if (t.matches(".*(自行领取|自取|现场领取|领取|自己去拿|上门取).*")) {
            values.put(DraftField.DELIVERY, DeliveryWay.PICKUP.name());
        } else if (emailWay) {
            values.put(DraftField.DELIVERY, DeliveryWay.EMAIL.name());
        } else if (t.matches(".*(网上|在线|网络|线上).*")) {
            values.put(DraftField.DELIVERY, DeliveryWay.ONLINE.name());
        }
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1).strip()).filter(s -> !s.isEmpty()) : Optional.empty();
    }
}
