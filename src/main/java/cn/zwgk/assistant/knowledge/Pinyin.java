package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless Hanyu Pinyin of Chinese characters (pinyin4j): every reading of a polyphonic character
 * (行 → xing, hang, heng), so a match on any of them counts. Readings are cached per character.
 */
final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final Map<Character, List<String>> CACHE = new ConcurrentHashMap<>();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    private Pinyin() {
    }

    static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** The distinct toneless readings of {@code c}; empty for anything that is not a Chinese character. */
    static List<String> readings(char c) {
        if (!han(c)) {
            return List.of();
        }
        return CACHE.computeIfAbsent(c, Pinyin::lookUp);
    }

    private static List<String> lookUp(char c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            List<String> out = new ArrayList<>();
            if (all != null) {
                for (String r : all) {
                    if (!r.isEmpty() && !out.contains(r)) {
                        out.add(r);
                    }
                }
            }
            return List.copyOf(out);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
