package cn.zwgk.assistant.conversation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/** Rule-based intent detection: cheap, predictable, and good enough for routing. */
@Component
class IntentClassifier {

    static final Pattern TRACKING_NO = Pattern.compile("YSQ-\\d{4}-\\d{6}", Pattern.CASE_INSENSITIVE);
    private static final Pattern STAFF = Pattern.compile("^(绑定|收到|口径|舆情|预警)\\s*\\S+.*", Pattern.DOTALL);
    private static final List<String> MORE = List.of("更多", "继续", "more");
    private static final List<String> HELP = List.of("帮助", "help", "?", "？", "菜单", "功能");
    private static final List<String> HOT = List.of("热门问题", "热门", "常见问题", "大家都在问", "熱門問題", "常見問題");
    private static final List<String> HANDOFF = List.of("人工", "转人工", "人工服务", "人工客服", "找人工", "转人工服务",
            "找工作人员", "联系工作人员", "工作人员", "真人", "轉人工", "人工服務", "找工作人員");
    /** "帮我转人工", "我要人工客服": a short message asking for a person in other words. */
    private static final Pattern ASKS_FOR_A_PERSON = Pattern.compile("转人工|人工服务|人工客服|我要人工|找人工|轉人工|人工服務");
    private static final List<String> GREETINGS = List.of("你好", "您好", "hi", "hello", "在吗", "在么", "嗨",
            "早上好", "下午好", "晚上好", "谢谢", "感谢", "好的", "再见", "拜拜");
    private static final List<String> PROGRESS = List.of("查询进度", "进度查询", "办理进度", "申请进度", "查进度", "进展");
    private static final List<String> APPLY = List.of("申请公开", "依申请公开", "信息公开申请", "我要申请", "我想申请");
    /** Asking about applications ("…需要什么材料？") is a policy question, not an application. */
    private static final Pattern QUESTION = Pattern.compile(
            "[?？]|什么|多久|多少|几天|怎么|怎样|如何|哪些|哪里|哪个|是否|能否|能不能|可不可以|[吗呢么]$");

    Intent classify(String text) {
        String t = normalise(text);
        String lower = t.toLowerCase(Locale.ROOT);
        if (MORE.contains(lower)) {
            return Intent.MORE;
        }
        if (HELP.contains(lower)) {
            return Intent.HELP;
        }
        if (HOT.contains(lower.replaceAll("[\\p{P}\\s]", ""))) {
            return Intent.HOT_QUESTIONS;
        }
        String bare = lower.replaceAll("[\\p{P}\\s]", "");
        if (HANDOFF.contains(bare) || bare.length() <= 10 && ASKS_FOR_A_PERSON.matcher(bare).find()) {
            return Intent.HANDOFF;
        }
        if (STAFF.matcher(t).matches()) {
            return Intent.STAFF_COMMAND;
        }
        if (TRACKING_NO.matcher(t).find() || PROGRESS.stream().anyMatch(t::contains)) {
            return Intent.PROGRESS_QUERY;
        }
        if (APPLY.stream().anyMatch(t::contains) && !QUESTION.matcher(t).find()) {
            return Intent.DISCLOSURE_APPLICATION;
        }
        String stripped = lower.replaceAll("[\\p{P}\\p{S}\\s]", "");
        if (stripped.isEmpty() || GREETINGS.stream().anyMatch(g -> stripped.equals(g) || stripped.length() <= 6 && stripped.startsWith(g))) {
            return Intent.SMALL_TALK;
        }
        return Intent.POLICY_QUESTION;
    }

    static String normalise(String text) {
        return text == null ? "" : text.strip().replace('\u3000', ' ');
    }
}
