package cn.zwgk.assistant.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Plain text for WeChat: markdown stripped and long answers cut into pages at natural breaks. */
final class Paginator {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((\\S+?)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s*");
    /**
     * Paired emphasis markers only, so masked data such as 138****8000 keeps its asterisks; and, as
     * in CommonMark, a marker followed by punctuation does not open, so masked names in a list
     * ("法定代表人 王**、联系人 刘**") keep theirs too.
     */
    private static final Pattern STRONG = Pattern.compile("(?<![*\\w])(\\*\\*|__)(?=[^*\\s\\p{P}])([^*\\n]+?)(?<=\\S)\\1(?![*\\w])");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![*\\w])\\*(?=[^*\\s\\p{P}])([^*\\n]+?)(?<=\\S)\\*(?![*\\w])");
    private static final Pattern CODE = Pattern.compile("`{1,3}");
    private static final Pattern BULLET = Pattern.compile("(?m)^\\s*[-*+]\\s+");
    private static final String BREAKS = "\n。！？；!?;，,、 ";

    private Paginator() {
    }

    static String stripMarkdown(String text) {
        String t = LINK.matcher(text).replaceAll("$1 $2");
        t = HEADING.matcher(t).replaceAll("");
        t = BULLET.matcher(t).replaceAll("· ");
        t = STRONG.matcher(t).replaceAll("$2");
        t = EMPHASIS.matcher(t).replaceAll("$1");
        t = CODE.matcher(t).replaceAll("");
        return t.replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Pages of at most {@code limit} code points each (counting the suffix of every non-last page). */
    static List<String> paginate(String text, int limit, String moreSuffix) {
        List<String> pages = new ArrayList<>();
        String rest = text;
        int room = limit - moreSuffix.codePointCount(0, moreSuffix.length()) - 1;
        while (rest.codePointCount(0, rest.length()) > limit) {
            int cut = rest.offsetByCodePoints(0, room);
            int best = -1;
            for (int i = cut; i > cut / 2; i--) {
                if (BREAKS.indexOf(rest.charAt(i - 1)) >= 0) {
                    best = i;
                    break;
                }
            }
            int end = best > 0 ? best : cut;
            if (Character.isLowSurrogate(rest.charAt(end)) && end > 0) {
                end--;
            }
            pages.add(rest.substring(0, end).strip() + "\n" + moreSuffix);
            rest = rest.substring(end).strip();
        }
        if (!rest.isEmpty()) {
            pages.add(rest);
        }
        return pages;
    }
}
