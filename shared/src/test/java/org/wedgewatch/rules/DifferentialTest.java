package org.wedgewatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The trie automaton against the naive reference matcher, on random lists and random texts. */
class DifferentialTest {
    private static final String[] WORDS = {"red", "blue", "left", "lost", "the", "not", "never", "big"};

    @Property(tries = 400)
    void automatonAgreesWithNaiveMatcher(@ForAll("lists") String listText, @ForAll("texts") List<String> texts) {
        PatternList list = TestLists.parse(listText);
        Matcher fast = ListCompiler.compile(List.of(list));
        NaiveMatcher slow = new NaiveMatcher(list);
        for (String text : texts) {
            Map<String, Integer> expected = slow.earliestEnds(text);
            Map<String, Integer> actual = new LinkedHashMap<>();
            for (Match m : fast.match(text)) actual.put(m.ruleId, m.end);
            assertEquals(sorted(expected), sorted(actual), "list:\n" + listText + "\ntext: " + text);
        }
    }

    private static Map<String, Integer> sorted(Map<String, Integer> m) {
        return new java.util.TreeMap<>(m);
    }

    @Provide
    Arbitrary<String> lists() {
        return template().list().ofMinSize(1).ofMaxSize(5).map(templates -> {
            StringBuilder sb = new StringBuilder(TestLists.HEADER);
            sb.append("group g: red, the left, big blue\n");
            for (int i = 0; i < templates.size(); i++) {
                sb.append("rule r").append(i).append("\n  family: F\n  explain: x\n  match: ")
                  .append(templates.get(i)).append('\n');
            }
            return sb.toString();
        }).filter(text -> ListParser.parse(text).ok()); // skip lists over the expansion limit
    }

    private Arbitrary<String> template() {
        Arbitrary<String> word = Arbitraries.of(WORDS);
        Arbitrary<String> group = Arbitraries.just("{g}");
        Arbitrary<String> alt = Arbitraries.oneOf(word, group, Combinators.combine(word, word).as((a, b) -> a + " " + b));
        Arbitrary<String> choice = Combinators.combine(alt.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false))
            .as((alts, optional) -> (optional ? "[" : "(") + String.join("|", alts) + (optional ? "]" : ")"));
        Arbitrary<String> gap = Arbitraries.integers().between(1, 3).map(n -> "*" + n);
        Arbitrary<String> solid = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, word), net.jqwik.api.Tuple.of(2, group), net.jqwik.api.Tuple.of(2, choice));
        Arbitrary<String> middle = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, solid), net.jqwik.api.Tuple.of(1, gap));
        return Combinators.combine(solid, middle.list().ofMaxSize(3), solid)
            .as((first, mid, last) -> first + " " + String.join(" ", mid) + " " + last)
            .filter(t -> !t.contains("*1 *") && !t.contains("*2 *") && !t.contains("*3 *"));
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, Arbitraries.of(WORDS)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(".", "🔥", "@who", "reds", "LEFT", "r3d")));
        return token.list().ofMinSize(1).ofMaxSize(14).map(ts -> String.join(" ", ts)).list().ofMinSize(1).ofMaxSize(8);
    }
}
