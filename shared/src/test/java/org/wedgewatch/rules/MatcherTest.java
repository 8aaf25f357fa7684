package org.wedgewatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatcherTest {
    private final Matcher m = TestLists.matcher(TestLists.SMEARS);

    @ParameterizedTest(name = "warns: {0}")
    @ValueSource(strings = {
        "Progressives are the real racists",
        "honestly the dems are the ACTUAL racists lol",
        "Sanders is the real racist",
        "Democrats totally lost the election",
        "the left lost the election",
        "Berniebros are in Putin's pocket",
        "#BernieBros are in Moscow's pocket",
        "L3ftists 🔥🔥 are the real raci$ts",
        "P r o g r e s s i v e s are the real racists",
        "Progressives, who never once knocked a door in Michigan, are the real racists",
        "Progressives are, and I cannot stress this enough, the real racists",
        "Progressives, who called it a victory, are the real racists",
    })
    void smearsWarn(String text) {
        assertTrue(m.warns(text), text);
    }

    @ParameterizedTest(name = "passes: {0}")
    @ValueSource(strings = {
        "Progressives are not the real racists",
        "Progressives aren't the real racists",
        "leftists are NOT the real racists",
        "Democrats never lost the election",
        "Democrats did not lose the election",
        "Republicans are the real racists",
        "The lie that progressives are the real racists keeps spreading",
        "Stop retweeting posts that say progressives are the real racists",
        "Troll accounts claiming leftists are the real racists are everywhere",
        "Leftists are the real racists, said no one",
        "Democrats are in Putin's pocket is satire",
        "It's not true that leftists lost the election",
        "Progressives are the real. Racists are elsewhere",
        "Progressives lost the election? That's a myth.",
        "I disagree with Sanders on guns",
        "Clinton underinvested in Wisconsin",
        "Republicans are in the pocket of the NRA",
        "Progressives, the GOP says, are the real racists",
        "Progressives, my uncle swears, are the real racists",
        "Progressives, who marched with me, are fighting the real racists",
        "Progressives, who the GOP says are the real racists, won the city council",
    })
    void rebuttalsAndOtherTopicsPass(String text) {
        assertEquals(List.of(), m.match(text), text);
    }

    @Test
    void anAsideInOnePostDoesNotCarryAClaimAcrossASentenceEndInTheNext() {
        String split = "Progressives. Lost the election, we did.";
        assertEquals(List.of(), m.match(split));
        m.match("Liberals, who knocked doors all fall, are fine people.");
        assertEquals(List.of(), m.match(split), "the matcher's arrays are reused: the aside must not be");
    }

    @Test
    void aMatchReportsListRuleFamilyExplanationActionAndSpan() {
        String text = "Wow. 🙄 The Dems really lost the election, again";
        List<Match> ms = m.match(text);
        assertEquals(1, ms.size());
        Match x = ms.get(0);
        assertEquals("test", x.listId);
        assertEquals("lost", x.ruleId);
        assertEquals("F1", x.family);
        assertEquals(Action.LABEL, x.action);
        assertTrue(x.explanation.startsWith("Blaming"));
        assertEquals("Dems really lost the election", text.substring(x.start, x.end));
    }

    @Test
    void spansSurviveObfuscation() {
        String text = "ok so 𝐋𝐞𝐟𝐭𝐢𝐬𝐭𝐬 are the reeeal racists!!";
        Match x = m.match(text).get(0);
        assertEquals("𝐋𝐞𝐟𝐭𝐢𝐬𝐭𝐬 are the reeeal racists", text.substring(x.start, x.end));
    }

    @Test
    void eachRuleIsReportedOnceInOrderOfPosition() {
        List<Match> ms = m.match("Dems lost the election. Dems are the real racists. Leftists are the real racists.");
        assertEquals(2, ms.size());
        assertEquals("lost", ms.get(0).ruleId);
        assertEquals("real-racists", ms.get(1).ruleId);
    }

    @Test
    void aGapNeverSkipsANegation() {
        assertTrue(m.warns("Dems basically lost the election"));
        assertEquals(List.of(), m.match("Dems never really lost the election"));
        assertEquals(List.of(), m.match("Dems certainly did not lost the election"));
    }

    @Test
    void anAnswerFurtherIntoTheNextSentenceDoesNotExempt() {
        assertTrue(m.warns("Progressives lost the election. Some people say that is a myth."));
    }

    @Test
    void disabledRulesDoNotFire() {
        Matcher some = ListCompiler.compile(List.of(TestLists.parse(TestLists.SMEARS)), Set.of("test/lost"));
        assertEquals(List.of(), some.match("Dems lost the election"));
        assertTrue(some.warns("Dems are the real racists"));
    }

    @Test
    void exemptionsApplyOnlyToTheirListAndRule() {
        String other = "! Title: Other\n! Id: other\n! Version: 1\n"
            + "rule pocket2\n  family: F3\n  explain: x\n  match: dems are in putin's pocket\n";
        Matcher both = TestLists.matcher(TestLists.SMEARS, other);
        // "satire" after exempts test/pocket only; other/pocket2 still fires.
        List<Match> ms = both.match("Dems are in Putin's pocket is satire");
        assertEquals(1, ms.size());
        assertEquals("other", ms.get(0).listId);
    }

    @Test
    void listWideExemptionsAndBeforeWindow() {
        String list = TestLists.HEADER
            + "rule r\n  family: F\n  explain: x\n  match: dems lost the election\n"
            + "except before: parody account\n";
        Matcher pm = TestLists.matcher(list);
        assertEquals(List.of(), pm.match("parody account says dems lost the election"));
        // Too far before (more than 8 words) or in another sentence: no longer exempt.
        assertTrue(pm.warns("parody account one two three four five six seven eight nine dems lost the election"));
        assertTrue(pm.warns("Parody account. Dems lost the election"));
    }

    @Test
    void theSameEngineJudgesUserRules() {
        String mine = TestLists.HEADER + "rule mine\n  family: mine\n  explain: x\n  match: [the] (squad|aoc) * traitors\n";
        Matcher um = TestLists.matcher(mine);
        assertTrue(um.warns("The Squad are all traitors"));
        assertEquals(List.of(), um.match("The Squad are not traitors"));
    }

    /** A post's plain words are found by their packed letters up to twelve, by their characters past that. */
    @Test
    void wordsAreFoundWhateverTheirLength() {
        Matcher lengths = TestLists.matcher(TestLists.HEADER
            + "rule twelve\n  family: F1\n  explain: A word of twelve letters.\n  match: humanitarian aid ends\n"
            + "rule thirteen\n  family: F1\n  explain: A word of thirteen letters.\n  match: international aid ends\n"
            + "rule six\n  family: F1\n  explain: A word of six letters.\n  match: budget aid ends\n");
        assertEquals(List.of("twelve"), TestLists.ruleIds(lengths, "HUMANITARIAN aid ends"));
        assertEquals(List.of("twelve"), TestLists.ruleIds(lengths, "humanitariannn aid ends"));
        assertEquals(List.of("thirteen"), TestLists.ruleIds(lengths, "Internationaal aid ends"));
        assertEquals(List.of("six"), TestLists.ruleIds(lengths, "Budget aid ends"));
        assertEquals(List.of(), lengths.match("humanitarial aid ends"));
        assertEquals(List.of(), lengths.match("internationak aid ends"));
        assertEquals(List.of(), lengths.match("budgex aid ends"));
        assertEquals(List.of(), lengths.match("humanitarians aidx ends"));
    }
}
