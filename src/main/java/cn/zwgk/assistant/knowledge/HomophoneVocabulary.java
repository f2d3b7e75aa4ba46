package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The corpus's own vocabulary, indexed by sound: its two-character words (as segmented for the word
 * field) under one key per reading of each character with the other character kept ("申>qing" and
 * "shen<请" for 申请), plus the document frequencies of its words and character bigrams. Correcting a
 * question is a few map look-ups per character.
 *
 * <p>A character c next to a neighbour n is replaced by a homophone x when n+x (or x+n) is a word
 * of the corpus and
 * <ul>
 * <li>the word segmenter (a general dictionary) does not keep n and c together as a word, neither
 * of them is a stop word, and no other word is broken (unless what is left of it is a corpus word:
 * 申|清政府 → 申请|政府);</li>
 * <li>the corpus has the typed bigrams of c with its neighbours at most 1/{@link #RATIO} as often as
 * the word n+x, and c on its own less often than n+x.</li>
 * </ul>
 * So a correctly typed word the corpus knows is never touched, and nor is a general word it lacks.
 */
final class HomophoneVocabulary {

    /** Terms kept per map (the most frequent); the rest count as absent, which bounds memory on large corpora. */
    static final int MAX_TERMS = 200_000;
    /** How much more frequent the corrected word must be than the typed bigrams. */
    static final int RATIO = 10;

    /** What correcting a question did: the corrected text and each change ("申清→申请"). */
    record Correction(String text, List<String> changes) {
        boolean changed() {
            return !changes.isEmpty();
        }
    }

    /** The question's words: the start and end (exclusive) of the word each character belongs to. */
    record Segmentation(int[] start, int[] end, boolean[] stop) {
        boolean alone(int i) {
            return end[i] - start[i] == 1;
        }
    }

    private final Map<String, Integer> bigrams;
    private final Map<String, Integer> words;
    private final Vocabulary stopWords;
    private final Map<String, String> bySound = new HashMap<>();

    /**
     * @param bigramFrequencies character bigrams of the indexed text → passages containing them
     * @param wordFrequencies   words of the indexed text (as segmented) → passages containing them
     */
    HomophoneVocabulary(Map<String, Integer> bigramFrequencies, Map<String, Integer> wordFrequencies,
                        Vocabulary stopWords) {
        this.stopWords = stopWords;
        this.bigrams = mostFrequent(bigramFrequencies);
        this.words = mostFrequent(wordFrequencies);
        words.entrySet().stream().filter(e -> e.getKey().length() == 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> { // most frequent first: the first word stored under a key is the best one
                    String t = e.getKey();
                    for (String p : Pinyin.readings(t.charAt(1))) {
                        bySound.putIfAbsent(t.charAt(0) + ">" + p, t);
                    }
                    for (String p : Pinyin.readings(t.charAt(0))) {
                        bySound.putIfAbsent(p + "<" + t.charAt(1), t);
                    }
                });
    }

    private static Map<String, Integer> mostFrequent(Map<String, Integer> frequencies) {
        Map<String, Integer> out = new HashMap<>();
        frequencies.entrySet().stream()
                .filter(e -> e.getValue() > 0 && !e.getKey().isEmpty() && e.getKey().chars().allMatch(c -> Pinyin.han((char) c)))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TERMS).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    int size() {
        return words.size() + bigrams.size();
    }

    /**
     * The text with homophone typos replaced by the corpus's spelling; expects Simplified script. The
     * segmentation is asked for only when some character has a candidate (segmenting costs more than
     * the rest).
     */
    Correction correct(String text, Function<String, Segmentation> segmenter) {
        char[] out = text.toCharArray();
        List<String> changes = new ArrayList<>();
        Segmentation seg = null;
        for (int i = 0; i < out.length && !bySound.isEmpty(); i++) {
            if (!Pinyin.han(out[i])) {
                continue;
            }
            int least = RATIO * (frequency(bigrams, out, i - 1) + frequency(bigrams, out, i));
            if (best(text, out, i, least, null) == null) {
                continue;
            }
            seg = seg == null ? segmenter.apply(text) : seg;
            if (seg.stop()[i]) {
                continue;
            }
            int alone = seg.alone(i) ? words.getOrDefault(String.valueOf(out[i]), 0) : 0;
            Candidate best = best(text, out, i, Math.max(least, alone + 1), seg);
            if (best != null) {
                int from = best.withLeft() ? i - 1 : i;
                String before = new String(out, from, 2);
                out[i] = best.word().charAt(i - from);
                changes.add(before + "→" + best.word());
            }
        }
        return new Correction(changes.isEmpty() ? text : new String(out), List.copyOf(changes));
    }

    /** A corpus word that a homophone of a character forms with its left or right neighbour. */
    private record Candidate(String word, boolean withLeft) {
    }

    /**
     * The most frequent corpus word that a homophone of character i forms with a neighbour, if it
     * occurs at least {@code least} times. Without a segmentation only the frequencies are checked.
     */
    private Candidate best(String text, char[] out, int i, int least, Segmentation seg) {
        Candidate best = null;
        int bestSupport = least - 1;
        for (String reading : Pinyin.readings(out[i])) {
            String withLeft = i > 0 && free(text, seg, i - 1, i) ? bySound.get(out[i - 1] + ">" + reading) : null;
            if (withLeft != null && withLeft.charAt(1) != out[i] && support(withLeft) > bestSupport) {
                best = new Candidate(withLeft, true);
                bestSupport = support(withLeft);
            }
            String withRight = i + 1 < out.length && free(text, seg, i, i + 1) ? bySound.get(reading + "<" + out[i + 1]) : null;
            if (withRight != null && withRight.charAt(0) != out[i] && support(withRight) > bestSupport) {
                best = new Candidate(withRight, false);
                bestSupport = support(withRight);
            }
        }
        return best;
    }

    private int support(String word) {
        return words.getOrDefault(word, 0);
    }

    /**
     * Whether characters a and a + 1 may become a word: both Chinese, not stop words, not already one
     * word of the question, and any word they are part of leaves a corpus word when cut off.
     */
    private boolean free(String text, Segmentation s, int a, int b) {
        if (!Pinyin.han(text.charAt(a)) || !Pinyin.han(text.charAt(b))) {
            return false;
        }
        if (s == null) { // before segmenting: a stop character is a word of its own in almost every question
            return !stopWords.isStopWord(String.valueOf(text.charAt(a))) && !stopWords.isStopWord(String.valueOf(text.charAt(b)));
        }
        if (s.stop()[a] || s.stop()[b] || s.end()[a] > a + 1) {
            return false;
        }
        return rest(text, s.start()[a], a) && rest(text, b + 1, s.end()[b]);
    }

    private boolean rest(String text, int from, int to) {
        return from >= to || to - from >= 2 && words.containsKey(text.substring(from, to));
    }

    private static int frequency(Map<String, Integer> frequencies, char[] text, int a) {
        if (a < 0 || a + 1 >= text.length) {
            return 0;
        }
        return frequencies.getOrDefault(new String(text, a, 2), 0);
    }
}
