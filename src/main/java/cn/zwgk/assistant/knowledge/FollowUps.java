package cn.zwgk.assistant.knowledge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completes a short follow-up ("那延期呢？", "那要交钱吗", "这个呢") from the previous question. A
 * follow-up that asks its own kind of question ("那要交钱吗": may I / must I) keeps it and takes only
 * the previous question's topic; one that does not ("那延期呢？") inherits the previous question whole.
 */
final class FollowUps {

    private static final Pattern FOLLOW_UP = Pattern.compile("^(?:那么?|还有|那如果|如果|那个|这个)?(.{0,12}?)(?:呢|吗|么)?[？?。！!]*$");
    private static final Pattern MARKED = Pattern.compile("^(?:那|还有|如果|这个|那个).*|.*呢[？?]*$");
    private static final Pattern DEICTIC = Pattern.compile("^(?:这个|那个|这|那|它|这样|那样|这种情况|那种情况)?$");

    private FollowUps() {
    }

    static String complete(String text, Optional<String> previous) {
        String t = text == null ? "" : text.strip();
        if (previous.isEmpty() || previous.get().isBlank() || t.length() > 14) {
            return t;
        }
        String simplified = ScriptConverter.toSimplified(t);
        Matcher m = FOLLOW_UP.matcher(simplified);
        if (!MARKED.matcher(simplified).matches() || !m.matches()) {
            return t;
        }
        String fragment = m.group(1).strip();
        if (DEICTIC.matcher(fragment).matches()) {
            return previous.get();
        }
        if (QuestionKind.of(simplified) != null) {
            return QuestionKind.topic(previous.get()) + " " + t.replaceFirst("^(?:那么?|还有|那如果|如果)", "");
        }
        return previous.get() + " " + fragment;
    }
}
