package cn.zwgk.assistant.faq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import cn.zwgk.assistant.feedback.AnswerRatedUnhelpful;
import cn.zwgk.assistant.knowledge.WeakAnswerGiven;
import cn.zwgk.assistant.knowledge.TextSimilarity;
import cn.zwgk.assistant.platform.Masking;

/**
 * 待完善问题: every policy question the documents did not answer or answered with low confidence, and
 * every answer rated unhelpful, is
 * kept (masked) with its meaning; staff see them grouped by meaning, most asked first.
 */
@Service
public class KnowledgeGaps {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeGaps.class);
    /** The most questions grouped for one view. */
    static final int MAX_ROWS = 2000;
    private static final int EXAMPLES = 3;
    private static final java.util.regex.Pattern MASKED = java.util.regex.Pattern.compile("[0-9A-Za-z]*\\*+[0-9A-Za-z]*");

    private final GapRepository repository;
    private final TextSimilarity similarity;
    private final FaqProperties properties;
    private final Clock clock;

    KnowledgeGaps(GapRepository repository, TextSimilarity similarity, FaqProperties properties, Clock clock) {
        this.repository = repository;
        this.similarity = similarity;
        this.properties = properties;
        this.clock = clock;
    }

    /*
     * Both listeners run after the publisher's transaction, off the thread that answered the citizen; the
     * event publication registry keeps the event until the question is recorded.
     */
    @ApplicationModuleListener
    void on(WeakAnswerGiven e) {
        record(e.appId(), e.openid(), e.question(), e.reply(), e.reason(), e.at());
    }

    @ApplicationModuleListener
    void on(AnswerRatedUnhelpful e) {
        record(e.appId(), e.openid(), e.question(), e.answer(), "UNHELPFUL", e.at());
    }

    private void record(String appId, String openid, String question, String answer, String reason, Instant at) {
        // a failure leaves the event's publication failed: EventRetry resubmits it; the reply has long gone
        String masked = Masking.scrub(question);
        // what was masked (a phone number, an ID) is noise for the meaning
        String meaning = MASKED.matcher(masked).replaceAll("");
        repository.insert(appId, openid, masked, Masking.scrub(answer), reason, at, similarity.vector(meaning));
    }

    /** The gaps of the last {@code days} days, most askers first, at most {@code limit}. */
    public List<GapGroup> groups(int days, int limit) {
        List<GapRepository.Row> rows = repository.since(clock.instant().minus(Duration.ofDays(days)), MAX_ROWS);
        List<GapClusters.Item<GapRepository.Row>> items = rows.stream()
                .map(r -> new GapClusters.Item<>(r, r.question(), r.vector())).toList();
        List<GapGroup> out = new ArrayList<>();
        for (List<GapClusters.Item<GapRepository.Row>> group : GapClusters.group(items, properties.sameGap())) {
            GapRepository.Row newest = group.get(0).value();
            Set<String> examples = new LinkedHashSet<>();
            Set<String> askers = new LinkedHashSet<>();
            int unhelpful = 0;
            for (GapClusters.Item<GapRepository.Row> item : group) {
                askers.add(item.value().appId() + "|" + item.value().openid());
                unhelpful += "UNHELPFUL".equals(item.value().reason()) ? 1 : 0;
                if (examples.size() < EXAMPLES) {
                    examples.add(item.value().question());
                }
            }
            out.add(new GapGroup(newest.question(), group.size(), askers.size(), unhelpful, List.copyOf(examples),
                    newest.answer(), newest.askedAt()));
        }
        out.sort(Comparator.comparingInt(GapGroup::askers).thenComparingInt(GapGroup::asked).reversed()
                .thenComparing(GapGroup::lastAsked, Comparator.reverseOrder()));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** Forgets questions older than {@code faq.gap-retention}, with the openids that asked them; nightly. */
    @Scheduled(cron = "${faq.gap-purge-cron:0 55 3 * * *}", zone = "Asia/Shanghai")
    void purge() {
        int n = repository.deleteBefore(clock.instant().minus(properties.gapRetention()));
        if (n > 0) {
            log.info("Forgot {} knowledge-gap question(s) past retention", n);
        }
    }
}
