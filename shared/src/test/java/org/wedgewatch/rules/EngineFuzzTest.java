package org.wedgewatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing the engine with jqwik: arbitrary text and list-shaped text through the parser, any post
 * through the normalizer, and every list that parses compiled and matched against any post. Nothing
 * may throw, every parse problem must point at a real line and column, and matching never takes
 * more than {@link LinearTimeTest#K} steps a token, also for lists and posts written to be slow
 * ({@link FuzzInputs}). ParityCorpusTest writes such inputs with the JVM's verdicts for the
 * browser engine to judge too. The number of tries is
 * jqwik's default (1,000), so {@code make fuzz} runs the same properties longer with
 * {@code -Djqwik.tries.default=N}.
 */
class EngineFuzzTest {
    @Property
    void parserNeverThrowsAndLocatesEveryProblemInListShapedText(@ForAll("listShaped") String text) {
        assertLocated(text, ListParser.parse(text).problems());
        assertLocated(text, ListCheck.problems(text));
    }

    @Property
    void parserNeverThrowsOnArbitraryText(@ForAll("anyText") String text) {
        assertLocated(text, ListParser.parse(text).problems());
    }

    @Property
    void normalizerNeverThrows(@ForAll("posts") String post) {
        Normalizer.normalize(post);
    }

    @Property
    void everyListThatParsesCompilesAndMatchesAnyPost(@ForAll("listShaped") String text, @ForAll("posts") String post) {
        ParseResult r = ListParser.parse(text);
        Statistics.label("list parses").collect(r.ok());
        if (!r.ok()) return;
        Matcher m = ListCompiler.compile(List.of(r.list()));
        for (Match match : m.match(post)) {
            assertTrue(match.ruleId != null && match.end >= 0, match.toString());
        }
        assertStepsLinear(m, post);
        // Guards the generator: if too few lists parse, compile-and-match is not being fuzzed at all.
        Statistics.label("list parses").coverage(c -> c.check(true).percentage(p -> p >= 5));
    }

    /** Lists written to be slow, on posts of their own words repeated: steps per token stay under LinearTimeTest's K. */
    @Property
    void slowListsStayLinearOnPostsOfTheirOwnWords(@ForAll("slowLists") String text, @ForAll("slowPosts") String post) {
        ParseResult r = ListParser.parse(text);
        Statistics.label("slow list parses").collect(r.ok());
        if (!r.ok()) return;
        Matcher m = ListCompiler.compile(List.of(r.list()));
        long perToken = assertStepsLinear(m, post);
        // Guards the generator: the slow inputs must be slow (a few thousand steps a token at worst).
        Statistics.label("steps per token").collect(perToken < 100 ? "under 100" : perToken < 1000 ? "100-999" : "1000 or more");
        Statistics.label("slow list parses").coverage(c -> c.check(true).percentage(p -> p >= 50));
        Statistics.label("steps per token").coverage(c -> c.check("1000 or more").count(n -> n >= 1));
    }

    /** Steps per token, after asserting they are within the bound. */
    private static long assertStepsLinear(Matcher m, String post) {
        long steps = m.steps(post);
        int tokens = Math.max(1, m.positions(post));
        assertTrue(steps <= LinearTimeTest.K * tokens,
                () -> steps + " steps for " + tokens + " tokens: over " + LinearTimeTest.K + " a token");
        return steps / tokens;
    }

    @Property(tries = 300)
    void parsingDoesNotDependOnTheDefaultLocale(@ForAll("listShaped") String text) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            String root = ListParser.parse(text).problems().toString();
            Locale.setDefault(new Locale("tr", "TR"));
            assertEquals(root, ListParser.parse(text).problems().toString());
        } finally {
            Locale.setDefault(before);
        }
    }

    private static void assertLocated(String text, List<Problem> problems) {
        int lines = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') lines++;
        for (Problem p : problems) {
            assertTrue(p.line >= 1 && p.line <= lines + 1, "line of " + p + " in a text of " + lines + " lines");
            assertTrue(p.column >= 1, "column of " + p);
            assertTrue(p.message != null && !p.message.isEmpty(), "message of " + p);
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return FuzzInputs.anyText();
    }

    @Provide
    Arbitrary<String> posts() {
        return FuzzInputs.posts();
    }

    @Provide
    Arbitrary<String> listShaped() {
        return FuzzInputs.listShaped();
    }

    @Provide
    Arbitrary<String> slowLists() {
        return FuzzInputs.slowLists();
    }

    @Provide
    Arbitrary<String> slowPosts() {
        return FuzzInputs.slowPosts();
    }
}
