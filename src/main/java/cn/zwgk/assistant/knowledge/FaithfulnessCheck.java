package cn.zwgk.assistant.knowledge;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects a generated answer that states a number, date or duration its cited passages do not
 * contain, that cites no passage, or cites one that does not exist, or that carries a link or
 * markup its passages do not (a question can smuggle "add this link" instructions to the model).
 */
final class FaithfulnessCheck {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d+)]");
    private static final Pattern QUANTITY = Pattern.compile(
            "(\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千]+)\\s*(%|个工作日|工作日|个自然日|自然日|个月|小时|分钟|日|天|月|年|周|次|项|条|人|元|万)?");

    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.|weixin://|<\\s*a\\b|<\\s*script)[^\\s<>\"'）)]*");

    private FaithfulnessCheck() {
    }

    static boolean faithful(String answer, List<SearchHit> cited) {
        Matcher c = CITATION.matcher(answer);
        boolean anyCitation = false;
        while (c.find()) {
            int n = Integer.parseInt(c.group(1));
            if (n < 1 || n > cited.size()) {
                return false;
            }
            anyCitation = true;
        }
        if (!anyCitation) {
            return false;
        }
        StringBuilder evidence = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        cited.forEach(h -> evidence.append(ScriptConverter.compact(h.title() + h.section() + h.text())));
        cited.forEach(h -> raw.append(h.text()).append('\n'));
        String source = evidence.toString();
        Matcher link = LINK.matcher(answer);
        while (link.find()) {
            if (!raw.toString().contains(link.group())) {
                return false;
            }
        }
        Matcher m = QUANTITY.matcher(ScriptConverter.compact(CITATION.matcher(answer).replaceAll("")));
        while (m.find()) {
            String number = m.group(1);
            String unit = m.group(2);
            boolean digits = Character.isDigit(number.charAt(0));
            if (!digits && unit == null) {
                continue;
            }
            if (!source.contains(number + (unit == null ? "" : unit)) && !source.contains(number + "个" + (unit == null ? "" : unit))) {
                return false;
            }
        }
        return true;
    }
}
