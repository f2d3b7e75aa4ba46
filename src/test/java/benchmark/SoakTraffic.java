package benchmark;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The soak's mixed traffic, as WeChat would deliver it. Out of every 20 messages: 10 greetings and
 * help requests ({@link BenchAccount}), 2 policy questions (the knowledge base, extractive answers),
 * 4 turns of disclosure-application dialogs, 2 WeChat retries (a message sent again with the same
 * MsgId, as WeChat does when an answer is slow), 2 events (follow, menu clicks). Dialog users are
 * many, so that one user's turns are about a minute apart and never overtake each other; half the
 * dialogs are confirmed (a case, its deadline and its Quartz reminders are stored), half cancelled;
 * the dialogs are staggered (submissions spread over the run) or synchronized (a burst of them).
 */
final class SoakTraffic implements Supplier<BenchAccount.Message> {

    static final List<String> QUESTIONS = List.of("依申请公开多久能答复？", "政府信息公开申请需要提供什么材料？",
            "申请公开政府信息收费吗？", "政策解读应当什么时候发布？", "舆情回应的时限是多久？", "延期答复最长多久？");
    static final List<String> DIALOG = List.of("我要申请公开2025年本区老旧小区改造项目的资金安排文件", "个人", "我叫张三",
            "11010519491231002X", "13800138000", "电子版，网上获取", "确认");
    static final List<String> MENU = List.of("POLICY_QA", "DISCLOSURE_APPLY", "PROGRESS_QUERY");
    private static final int DIALOG_USERS = 3000;
    private static final int RECENT = 512;

    private final BenchAccount greetings;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong msgIds = new AtomicLong(System.currentTimeMillis() * 1000 + 500_000_000L);
    private final AtomicLong dialogTurns = new AtomicLong();
    private final AtomicLong confirmations = new AtomicLong();
    private final boolean staggered;
    private final BenchAccount.Message[] recent = new BenchAccount.Message[RECENT];
    private final String run = Long.toString(System.currentTimeMillis() % 100_000, 36);

    SoakTraffic(int users, boolean staggered) {
        this.greetings = new BenchAccount(users);
        this.staggered = staggered;
    }

    @Override
    public BenchAccount.Message get() {
        long n = sequence.getAndIncrement();
        int slot = (int) (n % 20);
        BenchAccount.Message m;
        if (slot < 10) {
            m = greetings.next();
        } else if (slot < 12) {
            m = text("oSoakQ" + run + "x" + (n % 4000), QUESTIONS.get((int) (n / 20 % QUESTIONS.size())));
        } else if (slot < 16) {
            m = dialogTurn(n);
        } else if (slot < 18) {
            BenchAccount.Message earlier = recent[(int) ((n / 20 + slot) % RECENT)];
            m = earlier != null ? earlier : greetings.next();
        } else {
            m = event("oSoakE" + run + "x" + (n % 5000), slot == 18 ? "subscribe" : "CLICK",
                    slot == 18 ? null : MENU.get((int) (n / 20 % MENU.size())));
        }
        if (slot < 10) {
            recent[(int) (n / 20 % RECENT)] = m;
        }
        return m;
    }

    /**
     * Every dialog user takes one step per round, so one user's turns are a round (~75 s) apart.
     * Staggered: user u is u steps ahead, so in every round a seventh of the users confirm or cancel
     * (their first, partial dialog is a run of out-of-context answers). Synchronized: everybody
     * starts in round 0 and confirms in round 6 — a burst of ~20 submissions a second.
     */
    private BenchAccount.Message dialogTurn(long n) {
        long d = dialogTurns.getAndIncrement();
        int user = (int) (d % DIALOG_USERS);
        long turn = d / DIALOG_USERS + (staggered ? user : 0);
        int step = (int) (turn % DIALOG.size());
        long cycle = turn / DIALOG.size();
        boolean last = step == DIALOG.size() - 1;
        boolean cancel = last && (user + cycle) % 2 == 1;
        if (last && !cancel) {
            confirmations.incrementAndGet();
        }
        return text("oSoakD" + run + "x" + user, cancel ? "取消" : DIALOG.get(step));
    }

    /** How many "确认" were sent (each from a user at the end of a dialog, some of it possibly out of context). */
    long confirmations() {
        return confirmations.get();
    }

    private BenchAccount.Message text(String openid, String content) {
        long now = System.currentTimeMillis() / 1000;
        String xml = "<xml><ToUserName><![CDATA[" + BenchAccount.ORIGINAL_ID + "]]></ToUserName><FromUserName><![CDATA["
                + openid + "]]></FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgIds.incrementAndGet() + "</MsgId></xml>";
        return new BenchAccount.Message(BenchAccount.signedQuery(now, openid), xml.getBytes(StandardCharsets.UTF_8), openid);
    }

    private static BenchAccount.Message event(String openid, String event, String key) {
        long now = System.currentTimeMillis() / 1000;
        String xml = "<xml><ToUserName><![CDATA[" + BenchAccount.ORIGINAL_ID + "]]></ToUserName><FromUserName><![CDATA["
                + openid + "]]></FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>"
                + (key == null ? "" : "<EventKey><![CDATA[" + key + "]]></EventKey>") + "</xml>";
        return new BenchAccount.Message(BenchAccount.signedQuery(now, openid), xml.getBytes(StandardCharsets.UTF_8), openid);
    }
}
