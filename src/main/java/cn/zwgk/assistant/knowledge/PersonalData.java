package cn.zwgk.assistant.knowledge;

import java.util.regex.Pattern;

/** Masks ID card numbers, phone numbers and e-mail addresses before text leaves the system. */
final class PersonalData {

    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    private PersonalData() {
    }

    static String mask(String text) {
        if (text == null) {
            return "";
        }
        String out = ID_CARD.matcher(text).replaceAll("[身份证号]");
        out = MOBILE.matcher(out).replaceAll("[手机号]");
        out = LANDLINE.matcher(out).replaceAll("[电话]");
        return EMAIL.matcher(out).replaceAll("[邮箱]");
    }
}
