package cn.zwgk.assistant.faq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.zwgk.assistant.knowledge.TextSimilarity;

/**
 * Groups questions by meaning, as the early warning groups messages into topics: a question joins the
 * group whose first question it is closest to, by bge cosine plus a little for shared character pairs
 * (the same place or thing named), when that reaches the threshold; otherwise it starts a group.
 */
final class GapClusters {

    /** Weight of shared wording next to meaning, as in the early warning's topics. */
    static final double OVERLAP_WEIGHT = 0.15;

    /** A question to group, with its vector. */
    record Item<T>(T value, String text, float[] vector) {
    }

    private GapClusters() {
    }

    /** The groups, each a list of items in the order given; groups in the order of their first item. */
    static <T> List<List<Item<T>>> group(List<Item<T>> items, double threshold) {
        List<List<Item<T>>> groups = new ArrayList<>();
        List<Set<String>> leaders = new ArrayList<>();
        for (Item<T> item : items) {
            Set<String> pairs = pairs(item.text());
            int best = -1;
            double bestScore = threshold;
            for (int g = 0; g < groups.size(); g++) {
                double score = score(item, pairs, groups.get(g).get(0), leaders.get(g));
                if (score >= bestScore) {
                    bestScore = score;
                    best = g;
                }
            }
            if (best < 0) {
                groups.add(new ArrayList<>(List.of(item)));
                leaders.add(pairs);
            } else {
                groups.get(best).add(item);
            }
        }
        return groups;
    }

    static double score(Item<?> a, Set<String> aPairs, Item<?> b, Set<String> bPairs) {
        return TextSimilarity.cosine(a.vector(), b.vector()) + OVERLAP_WEIGHT * jaccard(aPairs, bPairs);
    }

    static Set<String> pairs(String text) {
        String t = TextSimilarity.normalise(text).replaceAll("[\\p{P}\\p{S}]", "");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= t.length(); i++) {
            out.add(t.substring(i, i + 2));
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long shared = a.stream().filter(b::contains).count();
        return shared / (double) (a.size() + b.size() - shared);
    }
}
