package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What the engine is fuzzed with: list-shaped text (headers, groups, rules and fields with syntax
 * scattered through), posts, and lists and posts written to be slow (few words, many gaps,
 * optionals and overlapping group terms, posts of those words repeated). Shared by the fuzzing
 * properties and the corpus the browser engine judges too.
 */
final class FuzzInputs {
    private static final String[] WORDS = {"the", "left", "real", "racists", "are", "not", "lost", "Bernie", "bros",
        "İstanbul", "ISIS", "naïve", "straße", "🙂", "x"};
    private static final String[] SYNTAX = {"{", "}", "(", ")", "[", "]", "|", "*", "*3", "*9", "{g}", "{nope}", ":", "!",
        "\t", " ", "'", "-", "#", "\\"};
    private static final String[] KEYS = {"Title", "TITLE", "Id", "ID", "id", "Version", "VERSION", "Expires", "EXPIRES",
        "Description", "License", "Homepage", "Maintainer", "Nonsense"};
    private static final String[] FIELDS = {"family", "explain", "match", "warn", "pass", "action", "except", "except before",
        "except after", "FAMILY", "Match", "unknown"};
    /** Few words, so a slow list's phrases overlap everywhere in a post of them. */
    private static final String[] FEW = {"ab", "ab", "ab", "cd", "x"};

    private FuzzInputs() {
    }

    static Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(600);
    }

    static Arbitrary<String> posts() {
        Arbitrary<String> words = Arbitraries.of(WORDS).list().ofMaxSize(60).map(w -> String.join(" ", w));
        Arbitrary<String> repeated = Combinators.combine(Arbitraries.of(WORDS), Arbitraries.integers().between(1, 400))
            .as((w, n) -> (w + " ").repeat(n));
        return Arbitraries.frequencyOf(Tuple.of(4, words), Tuple.of(1, repeated), Tuple.of(2, anyText()));
    }

    static Arbitrary<String> listShaped() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(WORDS)), Tuple.of(3, Arbitraries.of(SYNTAX)));
        Arbitrary<String> phrase = piece.list().ofMinSize(1).ofMaxSize(8).map(p -> String.join(" ", p));
        Arbitrary<String> template = Arbitraries.frequencyOf(Tuple.of(3, phrase), Tuple.of(2, template(WORDS, 6)));
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

    /**
     * Well-formed lists meant to be slow: a group of overlapping runs of few words, rules whose
     * templates are mostly gaps, optionals and choices over those words, and exceptions on them.
     */
    static Arbitrary<String> slowLists() {
        return wellFormedLists(FEW, 5);
    }

    /** Well-formed lists over the posts' words, so lists that parse are a good part of what is fuzzed. */
    static Arbitrary<String> wordLists() {
        return wellFormedLists(WORDS, 1);
    }

    private static Arbitrary<String> wellFormedLists(String[] vocabulary, int gapWeight) {
        Arbitrary<String> run = Combinators.combine(Arbitraries.of(vocabulary), Arbitraries.integers().between(1, 6))
            .as((w, n) -> (w + " ").repeat(n).trim());
        Arbitrary<String> group = run.list().ofMinSize(1).ofMaxSize(30).uniqueElements()
            .map(terms -> "group g: " + String.join(", ", terms) + "\n");
        Arbitrary<String> except = Combinators.combine(Arbitraries.of("except before", "except after"), template(vocabulary, 4, 2))
            .as((kind, t) -> "  " + kind + ": " + t + "\n");
        Arbitrary<String> rule = Combinators.combine(template(vocabulary, 8, gapWeight).list().ofMinSize(1).ofMaxSize(2),
                except.list().ofMaxSize(4), Arbitraries.of("", "  action: label\n", "  action: hide\n"))
            .as((matches, excepts, action) -> {
                StringBuilder sb = new StringBuilder("  family: F\n  explain: Generated \u201cfor\u201d the fuzzer.\n").append(action);
                for (String m : matches) sb.append("  match: ").append(m).append('\n');
                excepts.forEach(sb::append);
                return sb.toString();
            });
        return Combinators.combine(group, rule.list().ofMinSize(1).ofMaxSize(2)).as((g, rules) -> {
            StringBuilder sb = new StringBuilder("! Title: Generated\n! Id: generated\n! Version: 1\n").append(g);
            for (int i = 0; i < rules.size(); i++) sb.append("rule r").append(i).append('\n').append(rules.get(i));
            return sb.toString();
        });
    }

    /** Posts of the slow lists' words: a short unit repeated up to a few thousand words. */
    static Arbitrary<String> slowPosts() {
        Arbitrary<String> unit = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("ab")),
                Tuple.of(2, Arbitraries.of(FEW).list().ofMinSize(1).ofMaxSize(4).map(w -> String.join(" ", w))));
        Arbitrary<String> end = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(" ")), Tuple.of(1, Arbitraries.of(". ", "? ")));
        return Combinators.combine(unit, Arbitraries.integers().between(1, 400), end).as((u, n, e) -> (u + e).repeat(n));
    }

    /**
     * Posts that a generated list's templates should fire on: each "match:" line with its first
     * choice taken, optionals dropped, gaps filled and {g} replaced by the group's first term,
     * between two other words.
     */
    static List<String> postsFor(String listText) {
        String term = "x";
        List<String> posts = new ArrayList<>();
        for (String line : listText.split("\n")) {
            if (line.startsWith("group g: ")) term = line.substring("group g: ".length()).split(",")[0].trim();
            String t = line.trim();
            if (!t.startsWith("match: ")) continue;
            StringBuilder post = new StringBuilder("so ");
            for (String part : t.substring("match: ".length()).split(" ")) {
                if (part.startsWith("*")) post.append("x ");
                else if (part.length() > 2 && part.startsWith("(") && part.endsWith(")")) {
                    post.append(part.substring(1, part.length() - 1).split("\\|")[0]).append(' ');
                } else if (!part.startsWith("[")) post.append(part).append(' ');
            }
            posts.add(post.append("then").toString().replace("{g}", term));
        }
        return posts;
    }

    /** A template that parses: words, choices, optionals, gaps and {g}, between two words. */
    private static Arbitrary<String> template(String[] vocabulary, int maxParts) {
        return template(vocabulary, maxParts, 2);
    }

    private static Arbitrary<String> template(String[] vocabulary, int maxParts, int gapWeight) {
        Arbitrary<String> word = Arbitraries.of(vocabulary);
        Arbitrary<String> alt = Arbitraries.oneOf(word, Arbitraries.just("{g}"));
        Arbitrary<String> choice = Combinators.combine(alt.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false))
            .as((alts, optional) -> (optional ? "[" : "(") + String.join("|", alts) + (optional ? "]" : ")"));
        Arbitrary<String> gap = Arbitraries.integers().between(1, 5).map(n -> "*" + n);
        Arbitrary<String> part = Arbitraries.frequencyOf(Tuple.of(5, word), Tuple.of(2, choice), Tuple.of(gapWeight, gap),
                Tuple.of(1, Arbitraries.just("{g}")));
        return Combinators.combine(word, part.list().ofMaxSize(maxParts), word).as((first, mid, last) -> {
            List<String> all = new ArrayList<>();
            all.add(first);
            all.addAll(mid);
            all.add(last);
            return String.join(" ", all);
        });
    }
}
