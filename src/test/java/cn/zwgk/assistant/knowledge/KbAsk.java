package cn.zwgk.assistant.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Asks questions over a folder and prints answer and passages: {@code KbAsk <corpus> <question> …}; follow-ups complete. */
final class KbAsk {

    public static void main(String[] args) throws Exception {
        try (KbHarness h = new KbHarness(new Embedder(), Path.of(args[0]), Files.createTempDirectory("kba"))) {
            String previous = null;
            for (int i = 1; i < args.length; i++) {
                String q = FollowUps.complete(args[i], Optional.ofNullable(previous));
                previous = q;
                Answer a = h.answers.answer(q);
                System.out.println("Q: " + args[i] + (q.equals(args[i]) ? "" : "  (→ " + q + ")"));
                System.out.println(a.text());
                for (SearchHit hit : h.retriever.search(q, 5)) {
                    System.out.printf("   %.2f %.2f %s%n", hit.score(), hit.similarity(), hit.text().replace('\n', ' ').substring(0, Math.min(50, hit.text().length())));
                }
                System.out.println();
            }
        }
    }
}
