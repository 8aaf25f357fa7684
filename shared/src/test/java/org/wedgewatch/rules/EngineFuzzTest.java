package org.wedgewatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing the engine with jqwik: arbitrary text and list-shaped text through the parser, any post
 * through the normalizer, and every list that parses compiled and matched against any post. Nothing
 * may throw, and every parse problem must point at a real line and column. The number of tries is
 * jqwik's default (1,000), so {@code make fuzz} runs the same properties longer with
 * {@code -Djqwik.tries.default=N}.
 */
class EngineFuzzTest {
    private static final String[] WORDS = {"the", "left", "real", "racists", "are", "not", "lost", "Bernie", "bros",
        "İstanbul", "ISIS", "naïve", "straße", "🙂", "x"};
    private static final String[] SYNTAX = {"{", "}", "(", ")", "[", "]", "|", "*", "*3", "*9", "{g}", "{nope}", ":", "!",
        "\t", " ", "'", "-", "#", "\\"};
    private static final String[] KEYS = {"Title", "TITLE", "Id", "ID", "id", "Version", "VERSION", "Expires", "EXPIRES",
        "Description", "License", "Homepage", "Maintainer", "Nonsense"};
    private static final String[] FIELDS = {"family", "explain", "match", "warn", "pass", "action", "except", "except before",
        "except after", "FAMILY", "Match", "unknown"};

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
        // Guards the generator: if too few lists parse, compile-and-match is not being fuzzed at all.
        Statistics.label("list parses").coverage(c -> c.check(true).percentage(p -> p >= 5));
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
        return Arbitraries.strings().all().ofMaxLength(600);
    }

    @Provide
    Arbitrary<String> posts() {
        Arbitrary<String> words = Arbitraries.of(WORDS).list().ofMaxSize(60).map(w -> String.join(" ", w));
        Arbitrary<String> repeated = Combinators.combine(Arbitraries.of(WORDS), Arbitraries.integers().between(1, 400))
            .as((w, n) -> (w + " ").repeat(n));
        return Arbitraries.frequencyOf(Tuple.of(4, words), Tuple.of(1, repeated), Tuple.of(2, anyText()));
    }

    /** Lines that look like a list: headers, groups, rules and their fields, with syntax scattered through. */
    @Provide
    Arbitrary<String> listShaped() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(WORDS)), Tuple.of(3, Arbitraries.of(SYNTAX)));
        Arbitrary<String> phrase = piece.list().ofMinSize(1).ofMaxSize(8).map(p -> String.join(" ", p));
        Arbitrary<String> template = Arbitraries.frequencyOf(Tuple.of(3, phrase), Tuple.of(2, wellFormedTemplate()));
        Arbitrary<String> header = Combinators.combine(Arbitraries.of(KEYS), Arbitraries.oneOf(phrase,
                Arbitraries.of("1", "7", "0", "-3", "999999999999999999999", "test", "6 hours", "4 days", "40 days", "1 HOUR")))
            .as((k, v) -> "! " + k + ": " + v);
        Arbitrary<String> group = Combinators.combine(Arbitraries.of("g", "G", "nope", "g"), phrase.list().ofMinSize(1).ofMaxSize(4))
            .as((name, terms) -> "group " + name + ": " + String.join(", ", terms));
        Arbitrary<String> rule = Arbitraries.of("rule r1", "rule r2", "rule", "rule bad id!", "RULE r3");
        Arbitrary<String> field = Combinators.combine(Arbitraries.of("  ", "    ", "\t", ""), Arbitraries.of(FIELDS), template)
            .as((indent, f, t) -> indent + f + ": " + t);
        Arbitrary<String> line = Arbitraries.frequencyOf(Tuple.of(2, header), Tuple.of(2, group), Tuple.of(2, rule),
                Tuple.of(6, field), Tuple.of(1, Arbitraries.of("", "!", "! comment: with colon", "except: the left", "\uFEFF")));
        Arbitrary<String> body = line.list().ofMaxSize(25).map(ls -> String.join("\n", ls));
        Arbitrary<String> newline = Arbitraries.of("\n", "\r\n");
        return Combinators.combine(Arbitraries.of(true, false), body, newline).as((valid, b, nl) -> {
            String head = valid ? "! Title: Fuzz\n! Id: fuzz\n! Version: 1\ngroup g: the left, Bernie bros\n" : "";
            return (head + b).replace("\n", nl);
        });
    }

    private Arbitrary<String> wellFormedTemplate() {
        Arbitrary<String> word = Arbitraries.of(WORDS);
        Arbitrary<String> alt = Arbitraries.oneOf(word, Arbitraries.just("{g}"));
        Arbitrary<String> choice = Combinators.combine(alt.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false))
            .as((alts, optional) -> (optional ? "[" : "(") + String.join("|", alts) + (optional ? "]" : ")"));
        Arbitrary<String> gap = Arbitraries.integers().between(1, 5).map(n -> "*" + n);
        Arbitrary<String> part = Arbitraries.frequencyOf(Tuple.of(5, word), Tuple.of(2, choice), Tuple.of(1, gap),
                Tuple.of(1, Arbitraries.just("{g}")));
        return Combinators.combine(word, part.list().ofMaxSize(6), word).as((first, mid, last) -> {
            List<String> all = new ArrayList<>();
            all.add(first);
            all.addAll(mid);
            all.add(last);
            return String.join(" ", all);
        });
    }
}
