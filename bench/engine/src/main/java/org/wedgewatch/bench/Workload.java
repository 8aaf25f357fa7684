package org.wedgewatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated list and tweet-like texts, the same for every run (fixed seeds): rules shaped like
 * the real ones ("{group} verb [the] adjective noun"), groups of five terms, and ~200-character
 * texts of which a few percent contain a rule's phrase.
 */
final class Workload {
    static final int GROUPS = 200;
    /** Three terms, each also matched in the plural (as the parser adds), make six phrases per rule. */
    static final int TERMS_PER_GROUP = 3;

    final String listText;
    /** Every phrase the list expands to, lower case, words separated by one space. */
    final List<String> phrases = new ArrayList<>();
    /** The phrases of each rule, for the loop-over-rules baseline. */
    final List<List<String>> rulePhrases = new ArrayList<>();
    final String[] texts;

    private final String[] vocabulary;

    Workload(int rules, int textCount, long seed) {
        Random random = new Random(seed);
        vocabulary = new String[4000];
        for (int i = 0; i < vocabulary.length; i++) vocabulary[i] = word(random);
        String[][] groups = new String[GROUPS][TERMS_PER_GROUP];
        StringBuilder sb = new StringBuilder("! Title: Bench\n! Id: bench\n! Version: 1\n");
        for (int g = 0; g < GROUPS; g++) {
            sb.append("group g").append(g).append(": ");
            for (int t = 0; t < TERMS_PER_GROUP; t++) {
                groups[g][t] = pick(random);
                sb.append(t == 0 ? "" : ", ").append(groups[g][t]);
            }
            sb.append('\n');
        }
        for (int r = 0; r < rules; r++) {
            int g = random.nextInt(GROUPS);
            String verb = pick(random);
            String adjective = pick(random);
            String noun = pick(random);
            sb.append("rule r").append(r).append("\n  family: F").append(r % 4)
              .append("\n  explain: generated\n  match: {g").append(g).append("} ").append(verb).append(' ')
              .append(adjective).append(' ').append(noun).append('\n');
            List<String> mine = new ArrayList<>();
            for (String term : groups[g]) {
                mine.add(term + " " + verb + " " + adjective + " " + noun);
                mine.add(term + "s " + verb + " " + adjective + " " + noun); // generated words end in a vowel
            }
            rulePhrases.add(mine);
            phrases.addAll(mine);
        }
        listText = sb.toString();
        texts = new String[textCount];
        Random textRandom = new Random(seed + 1);
        for (int i = 0; i < textCount; i++) texts[i] = text(textRandom);
    }

    private String text(Random random) {
        StringBuilder sb = new StringBuilder();
        boolean matching = random.nextInt(100) < 3;
        int insertAt = random.nextInt(20);
        int words = 0;
        while (sb.length() < 200) {
            if (matching && words == insertAt) {
                sb.append(phrases.get(random.nextInt(phrases.size()))).append(' ');
            }
            sb.append(pick(random)).append(random.nextInt(12) == 0 ? ". " : " ");
            words++;
        }
        return sb.toString().trim();
    }

    private String pick(Random random) {
        return vocabulary[random.nextInt(vocabulary.length)];
    }

    /** A pronounceable word with no doubled letters (so normalization leaves it as it is). */
    private static String word(Random random) {
        String consonants = "bcdfgklmnprstvz";
        String vowels = "aeiou";
        int syllables = 2 + random.nextInt(2);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            sb.append(consonants.charAt(random.nextInt(consonants.length())));
            sb.append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return sb.toString();
    }
}
