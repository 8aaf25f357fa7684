package org.wedgewatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A group written as "{faction}, {person}" stands for each included group's terms, tails and refer words. */
class GroupIncludesTest {
    private static final String GROUPS = TestLists.HEADER
        + "group faction: leftists, progressives, Sandernistas\n"
        + "  tail: crowd\n"
        + "  refer: they, you, /\n"
        + "group person: Bernie, Hillary\n"
        + "  tail: fans\n"
        + "  refer: he, she, /\n"
        + "group party: Democrats\n"
        + "group target: {faction}, {person}\n"
        + "group anyone: {target}, {party}, the whole ticket\n";

    private static final Matcher M = TestLists.matcher(GROUPS
        + "rule lost\n"
        + "  family: F1\n"
        + "  explain: Blaming one part of the left for a loss splits the coalition.\n"
        + "  match: {target} lost the election\n"
        + "rule sank\n"
        + "  family: F1\n"
        + "  explain: The same, with a group that includes a group that includes groups.\n"
        + "  match: {anyone} sank the ticket\n");

    @ParameterizedTest(name = "warns: {0}")
    @ValueSource(strings = {
        "Leftists lost the election",
        "Hillary lost the election",
        "the Sandernistas crowd lost the election", // the faction's tail
        "Bernie fans lost the election", // the person's tail
        "Forget Bernie. He lost the election", // the person's refer word
        "You know who I mean, progressives. You lost the election", // the faction's
        "Progressives? Lost the election, every one of them.", // a sentence about the group named before it
        "Democrats sank the ticket", // a group two includes down
        "Bernie fans sank the ticket",
        "the whole ticket sank the ticket", // a term of the including group's own
    })
    void eachIncludedGroupCounts(String text) {
        assertTrue(M.warns(text), text);
    }

    @ParameterizedTest(name = "passes: {0}")
    @ValueSource(strings = {
        "Democrats lost the election", // not included in target
        "Democrats picked her. She lost the election", // "she" stands for a person, and none was named
        "Hillary fans crowd lost the election", // the faction's tail never follows a person
        "Republicans sank the ticket",
    })
    void onlyWhatTheIncludedGroupsSay(String text) {
        assertEquals(List.of(), M.match(text), text);
    }

    @Test
    void theCompiledFormKeepsIncludes() {
        Matcher restored = CompiledForm.read(CompiledForm.write(M));
        assertTrue(restored.warns("Bernie fans sank the ticket"));
        assertFalse(restored.warns("Democrats lost the election"));
    }

    @Test
    void aGroupIsIncludedOnlyFromAboveAndNeverItself() {
        List<Problem> later = ListParser.parse(TestLists.HEADER + "group a: {b}\ngroup b: leftists\n").problems();
        assertEquals(1, later.size(), later.toString());
        assertEquals(1 + 3, later.get(0).line);
        assertEquals(10, later.get(0).column);
        assertTrue(later.get(0).message.contains("no group 'b' is defined above this line"), later.toString());
        List<Problem> self = ListParser.parse(TestLists.HEADER + "group a: leftists, {a}\n").problems();
        assertEquals(1, self.size(), self.toString());
        assertTrue(self.get(0).message.contains("no group 'a'"), self.toString());
    }

    @Test
    void anIncludingGroupCountsAsOnePhrase() {
        String rule = "rule r\n  family: F1\n  explain: x\n";
        assertEquals(2, phrases(GROUPS + rule + "  match: ({faction}|{person}) lost the election\n"));
        assertEquals(1, phrases(GROUPS + rule + "  match: {target} lost the election\n"));
    }

    private static long phrases(String text) {
        PatternList list = TestLists.parse(text);
        return Expander.count(list.rules.get(0).templates.get(0), list.groups, 1000);
    }
}
