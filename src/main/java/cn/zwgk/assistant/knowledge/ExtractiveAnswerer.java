package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers without a language model: picks, from the cited passages, the sentences that share the
 * most with the question and quotes them with their citation numbers.
 */
final class ExtractiveAnswerer {

    private static final Pattern SENTENCE = Pattern.compile("(?<=[。！？；!?;\\n])");
    private static final Pattern ASKS_NUMBER = Pattern.compile("多久|多长|几|多少|期限|时限|时间|比例|频次|哪天|何时|什么时候");
    /**
     * A sentence that states an exception to the rule (an extension, "unless the law says otherwise",
     * a late correction): it shares the rule's words, often more of them, but is not the answer to
     * "how long" unless the question asks about the exception.
     */
    private static final Pattern EXCEPTION = Pattern.compile("延长|延期|另有规定|除外|逾期|不计算在|超过合理");
    private static final Pattern ASKS_EXCEPTION = Pattern.compile("延|逾期|例外|另有|特殊|超过|不计");
    /** A quantity with its unit ("20个工作日", "5小时", "三日"), not a list number like "2.". */
    private static final Pattern QUANTITY = Pattern.compile(
            "(?:\\d+|[一二两三四五六七八九十百]+)\\s*(?:个?工作日|日|天|小时|分钟|周|个?月|年|%|％|次|倍|元)");
    private static final int MAX_CHARS = 220;

    private ExtractiveAnswerer() {
    }

    /** The quoted sentences, each followed by its citation number. */
    static String compose(String question, List<SearchHit> cited) {
        Set<String> qGrams = grams(ScriptConverter.compact(question));
        String simplified = ScriptConverter.toSimplified(question);
        boolean wantsNumber = ASKS_NUMBER.matcher(simplified).find();
        boolean wantsException = ASKS_EXCEPTION.matcher(simplified).find();
        List<String> parts = new ArrayList<>();
        int used = 0;
        for (int i = 0; i < cited.size() && used < MAX_CHARS; i++) {
            String best = bestSentence(cited.get(i).text(), qGrams, wantsNumber, wantsException);
            if (best == null || i > 0 && overlap(best, qGrams) < 2) {
                continue;
            }
            String quoted = best.length() > MAX_CHARS ? best.substring(0, MAX_CHARS) + "…" : best;
            parts.add(quoted + "[" + (i + 1) + "]");
            used += quoted.length();
        }
        if (parts.isEmpty() && !cited.isEmpty()) {
            String text = cited.get(0).text();
            parts.add((text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text) + "[1]");
        }
        return String.join("\n", parts);
    }

    private static String bestSentence(String passage, Set<String> qGrams, boolean wantsNumber, boolean wantsException) {
        String best = null;
        double bestScore = -1;
        for (String raw : SENTENCE.split(passage)) {
            String s = raw.strip();
            if (s.length() < 6) {
                continue;
            }
            // in order of weight: the quantity asked for, then the rule rather than its exception,
            // then the words shared with the question (shorter sentences first among equals)
            String simplified = ScriptConverter.toSimplified(s);
            double score = overlap(s, qGrams) - s.length() / 400.0
                    + (wantsNumber && QUANTITY.matcher(simplified).find() ? 20 : 0)
                    - (!wantsException && EXCEPTION.matcher(simplified).find() ? 10 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
        }
        return best;
    }

    private static int overlap(String sentence, Set<String> qGrams) {
        Set<String> s = grams(ScriptConverter.compact(sentence));
        s.retainAll(qGrams);
        return s.size();
    }

    static Set<String> grams(String text) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            String g = text.substring(i, i + 2);
            if (g.codePoints().allMatch(Character::isLetterOrDigit)) {
                out.add(g);
            }
        }
        return out;
    }
}
