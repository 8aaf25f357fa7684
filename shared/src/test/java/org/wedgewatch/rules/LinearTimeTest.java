package org.wedgewatch.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Matching is linear in the post for every list the parser accepts: the steps the automaton takes
 * (trie edges tried, exemption hits looked at) stay under {@link #K} per token, on lists written
 * to be slow and posts written to make them slow. Steps are counted, not timed.
 */
class LinearTimeTest {
    /**
     * The most steps one token can cost, from the limits: the term trie (1 + MAX_LIVE), the phrase
     * trie (3 per live position, and MAX_LIVE more for each of MAX_TERMS_PER_WORD terms ending
     * there), and for each of MAX_HITS_PER_WORD hits a window of 23 positions of at most
     * MAX_HITS_PER_WORD exemption hits each: about 29,000. It does not grow with the list or the post.
     */
    static final long K = 50_000;

    private static Matcher compile(String body) {
        ParseResult r = ListParser.parse(TestLists.HEADER + body);
        assertTrue(r.ok(), () -> r.problems().toString());
        return ListCompiler.compile(Collections.singletonList(r.list()));
    }

    private static String repeat(String s, int times) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < times; i++) sb.append(s);
        return sb.toString();
    }

    private static long perToken(Matcher m, String post) {
        long steps = m.steps(post);
        int tokens = m.positions(post);
        return steps / Math.max(1, tokens);
    }

    private static void assertLinear(Matcher m, String unit) {
        long small = perToken(m, repeat(unit, 50));
        long large = perToken(m, repeat(unit, 5_000));
        assertTrue(small <= K, "steps per token " + small + " > " + K);
        assertTrue(large <= K, "steps per token " + large + " > " + K);
        // Linear, not merely bounded at these sizes: 100 times the post costs about 100 times the steps.
        assertTrue(large <= 2 * small + 64, "steps per token grew from " + small + " to " + large);
    }

    @Test
    void manyGapsOnTheSameWordRepeated() {
        Matcher m = compile("rule gaps\n  family: F\n  explain: x\n  match: ab *5 ab *5 ab *5 ab *5 ab *5 ab\n");
        assertLinear(m, "ab ");
    }

    @Test
    void manyOptionalsAndChoices() {
        Matcher m = compile("rule opt\n  family: F\n  explain: x\n"
                + "  match: a [a|b|c] [a|b|c] *5 [a|b|c] *5 (a|b|c) a\n");
        assertLinear(m, "a b c ");
    }

    @Test
    void aHugeGroupOfOverlappingTerms() {
        StringBuilder g = new StringBuilder("group g: ");
        for (int i = 0; i < 1990; i++) g.append(i == 0 ? "" : ", ").append("x x x ").append("w").append(i % 50);
        g.append(", x, x x, x x x, x x x x, x x x x x, x x x x x x\n");
        Matcher m = compile(g + "rule big\n  family: F\n  explain: x\n  match: {g} *5 {g} *5 {g} {g} {g} y\n");
        assertLinear(m, "x ");
    }

    @Test
    void manyExceptionsOnRepeatedReportedSpeech() {
        StringBuilder body = new StringBuilder("group t: leftists, progressives\n");
        for (int i = 0; i < 200; i++) body.append("except before: (said|says|claims) * ").append("w").append(i).append('\n');
        body.append("except before: someone says\nrule lost\n  family: F\n  explain: x\n  match: {t} lost the election\n");
        for (int i = 0; i < 200; i++) body.append("  except after: [is] (a lie|false|wrong|nonsense) ").append("v").append(i).append('\n');
        Matcher m = compile(body.toString());
        assertLinear(m, "Someone says leftists lost the election. ");
    }

    @Test
    void theDefaultListOnAThousandSentences() throws Exception {
        String list = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../lists/coalition-defense.txt")),
                java.nio.charset.StandardCharsets.UTF_8);
        ParseResult r = ListParser.parse(list);
        assertTrue(r.ok(), () -> r.problems().toString());
        Matcher m = ListCompiler.compile(Collections.singletonList(r.list()));
        assertLinear(m, "They said progressives are really the real racists and Democrats lost the election? ");
    }
}
