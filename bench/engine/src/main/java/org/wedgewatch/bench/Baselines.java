package org.wedgewatch.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What the engine is compared with: one regex alternation of every phrase, and a loop over rules. */
final class Baselines {
    private Baselines() {
    }

    static Pattern regexAlternation(List<String> phrases) {
        StringBuilder sb = new StringBuilder("\\b(?:");
        for (int i = 0; i < phrases.size(); i++) {
            if (i > 0) sb.append('|');
            sb.append(Pattern.quote(phrases.get(i)).replace(" ", "\\E\\s+\\Q"));
        }
        sb.append(")\\b");
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** Checks each rule's phrases in turn against the text's words: the obvious implementation. */
    static final class RuleLoop {
        private final int[][][] rules;
        private final Map<String, Integer> ids = new HashMap<>();

        RuleLoop(List<List<String>> rulePhrases) {
            rules = new int[rulePhrases.size()][][];
            for (int r = 0; r < rules.length; r++) {
                List<String> phrases = rulePhrases.get(r);
                rules[r] = new int[phrases.size()][];
                for (int p = 0; p < phrases.size(); p++) {
                    String[] words = phrases.get(p).split(" ");
                    rules[r][p] = new int[words.length];
                    for (int w = 0; w < words.length; w++) rules[r][p][w] = ids.computeIfAbsent(words[w], k -> ids.size() + 1);
                }
            }
        }

        int countMatchingRules(String text) {
            String[] words = text.toLowerCase().split("[^a-z]+");
            int[] tokens = new int[words.length];
            for (int i = 0; i < words.length; i++) tokens[i] = ids.getOrDefault(words[i], 0);
            int matched = 0;
            for (int[][] rule : rules) {
                if (anyPhrase(rule, tokens)) matched++;
            }
            return matched;
        }

        private static boolean anyPhrase(int[][] phrases, int[] tokens) {
            for (int[] phrase : phrases) {
                for (int start = 0; start + phrase.length <= tokens.length; start++) {
                    int k = 0;
                    while (k < phrase.length && tokens[start + k] == phrase[k]) k++;
                    if (k == phrase.length) return true;
                }
            }
            return false;
        }
    }
}
