package org.wedgewatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The ways a claim is phrased that one template reaches, and the ways of fighting it that pass. */
class ClaimsTest {
    private static final String LIST = TestLists.HEADER
        + "group left: leftists, progressives, the left, Berniebros, DSA bros\n"
        + "  refer: they\n"
        + "rule racists\n"
        + "  family: F2\n"
        + "  explain: x\n"
        + "  match: {left} are the real racists\n"
        + "  match: the real racists ? {left}\n"
        + "  match: did not lose / the {left} did\n"
        + "rule lost\n"
        + "  family: F1\n"
        + "  explain: x\n"
        + "  match: {left} lost the election\n";

    private final Matcher m = compile(LIST);

    private static Matcher compile(String text) {
        ParseResult r = ListParser.parse(text);
        assertTrue(r.ok(), () -> r.problems().toString());
        return ListCompiler.compile(Collections.singletonList(r.list()));
    }

    @Test
    void aSentenceWithNoTargetOfItsOwnIsAboutTheOneNamedLast() {
        String topics = TestLists.HEADER
            + "group left: leftists, progressives\n"
            + "  refer: they, /\n"
            + "group right: Republicans\n"
            + "  refer: /\n"
            + "group quiet: liberals\n"
            + "rule racists\n"
            + "  family: F2\n"
            + "  explain: x\n"
            + "  match: ({left}|{quiet}) the real racists\n"
            + "  match: ({left}|{quiet}) *2 lost the election\n";
        Matcher t = compile(topics);
        assertTrue(t.warns("Don't get me started on progressives. The real racists, every one of them."));
        assertTrue(t.warns("Progressives? Lost the election, as usual."));
        assertFalse(t.warns("The real racists."), "no target named before");
        assertFalse(t.warns("Republicans again. The real racists."), "the target named last is not one the rule takes");
        assertFalse(t.warns("Progressives knocked doors. Republicans, though. The real racists."),
                "a target named later stands in front of one named earlier");
        assertFalse(t.warns("Progressives knocked doors. Turnout lost the election."),
                "no gap after an unsaid subject: the sentence has a subject of its own");
        assertFalse(t.warns("Liberals? The real racists."), "only groups with '/' among their refer words");
    }

    @Test
    void aReferWordStandsForATargetNamedEarlier() {
        assertTrue(m.warns("Don't talk to me about progressives. They lost the election."));
        assertFalse(m.warns("They lost the election."), "no target named before 'they'");
    }

    @Test
    void aReferWordStandsForTheGroupNamedLastThatItCanReferTo() {
        Matcher two = compile(TestLists.HEADER
            + "group left: progressives\n  refer: they\n"
            + "group other: Republicans\n  refer: they\n"
            + "rule racists\n  family: F2\n  explain: x\n  match: {left} are the real racists\n"
            + "rule blame\n  family: F1\n  explain: x\n  match: {other} lost the election\n");
        assertTrue(two.warns("Progressives again. They are the real racists."));
        assertFalse(two.warns("Progressives called out Republicans, and they are the real racists."),
            "'they' is the Republicans, named after the progressives");
        assertTrue(two.warns("Republicans lie. Progressives, though? They are the real racists."));
    }

    @Test
    void aDroppedGReadsAsTheListsIngWord() {
        Matcher blame = compile(TestLists.HEADER + "group left: Democrats\n"
            + "rule blaming\n  family: F4\n  explain: x\n  match: {left} blaming Russia\n");
        assertTrue(blame.warns("Democrats blamin Russia again"));
        assertFalse(blame.warns("Democrats Berlin Russia"), "only a word the list has with its g");
    }

    @Test
    void fillersStandAnywhereButAreNotGaps() {
        assertTrue(m.warns("Progressives are honestly, truly the real racists."));
        assertTrue(m.warns("Progressives are: the real racists, literally."), "':' is a filler too");
        assertFalse(m.warns("Progressives are fighting the real racists."));
    }

    @Test
    void sentenceEndsAreWordsOnlyTemplatesCanCross() {
        assertTrue(m.warns("The real racists? Leftists."));
        assertFalse(m.warns("The real racists. Leftists."), "'?' is only the end of a question");
        assertTrue(m.warns("Progressives didn't lose. The Berniebros did."));
        assertFalse(m.warns("Progressives lost. The election was close."), "a match never runs across a sentence end");
    }

    @Test
    void aQuotedClaimIsReportedButScareQuotesAreNot() {
        assertFalse(m.warns("\u201cLeftists are the real racists\u201d is what the bots posted all week."));
        assertFalse(m.warns("Mute the phrase 'leftists lost the election' and move on."));
        assertTrue(m.warns("\"Progressives\" are the real racists."));
        assertTrue(m.warns("\u201cLeftists lost the election.\u201d Yes. Say it louder."), "an endorsed quote warns");
    }


    @Test
    void aPostThatIsNothingButTheQuoteSaysIt() {
        assertTrue(m.warns("\"Leftists Are The Real Racists\" https://example.com/a"), "a shared headline");
        assertTrue(m.warns("RT @someone: \u201cProgressives lost the election\u201d #vote"), "a retweeted slogan with a hashtag");
        assertFalse(m.warns("\"Leftists are the real racists\" \uD83D\uDE44"), "an eye-roll is the poster's frame");
        assertFalse(m.warns("\"Leftists are the real racists\" lol, again"), "the poster's own words frame it");
        assertFalse(m.warns("\"Leftists lost the election\" \u2014 a troll account, 2016"), "an attribution frames it");
    }
    @Test
    void reportedSpeechPassesUnlessThePostAgrees() {
        assertFalse(m.warns("My uncle told me at dinner that leftists are the real racists. I showed him the data."));
        assertTrue(m.warns("My uncle told me at dinner that leftists are the real racists. He was right."));
        assertTrue(m.warns("Leftists are the real racists, my uncle said, and he was right."), "a speaker after the claim, endorsed");
        assertFalse(m.warns("Leftists are the real racists, my uncle said. I showed him the data."));
    }

    @Test
    void anAgreementOpeningThePostEndorsesTheQuoteAfterIt() {
        assertTrue(m.warns("This. \u201cLeftists lost the election.\u201d"));
        assertTrue(m.warns("Yep. \u201cLeftists are the real racists\u201d is what my uncle says."));
        assertFalse(m.warns("\u201cLeftists are the real racists\u201d is what my uncle says."));
    }

    @Test
    void aNegationInsideQuotationMarksIsSomeoneElsesWord() {
        Matcher who = compile(TestLists.HEADER + "group left: Berniebros\n"
            + "rule racists\n  family: F2\n  explain: x\n  match: {left} who *4 are the real racists\n");
        assertTrue(who.warns("The Berniebros who chant 'never again' are the real racists."));
        assertFalse(who.warns("The Berniebros who chant never again are the real racists."), "an unquoted negation still stops the claim");
    }

    @Test
    void aSpeakerInTheNextSentenceMustOpenIt() {
        assertFalse(m.warns("Leftists are the real racists. Said my uncle, anyway."));
        assertTrue(m.warns("Leftists are the real racists. They claimed a high ground they never had."),
            "a new sentence's own subject and verb are not the claim's speaker");
    }

    @Test
    void aQuestionAnsweredNoPasses() {
        assertFalse(m.warns("Leftists lost the election? No. Turnout fell everywhere."));
    }

    @Test
    void aClaimEchoedAsAQuestionDoubtsItButAHashtagBeforeAQuestionMarkIsPutForward() {
        assertFalse(m.warns("Leftists lost the election? Turnout fell everywhere."));
        assertTrue(m.warns("#LeftistsLostTheElection trending and honestly? Turnout fell."));
        assertFalse(m.warns("Leftists lost the election trending and honestly? Turnout fell."));
    }

    @Test
    void aLongClaimBeforeAQuestionMarkIsRhetoricalNotEchoed() {
        Matcher long_ = compile(LIST + "  match: {left} *5 lost the election\n");
        assertFalse(long_.warns("Leftists lost the election? Turnout fell everywhere."));
        assertTrue(long_.warns("Leftists sat home in Dearborn all fall and lost the election?? Be serious."));
    }

    @Test
    void aOneLetterSlipInALongWordStillMatches() {
        assertTrue(m.warns("Progresives lost the electon."));
        assertTrue(m.warns("leftists are the real racissts"));
        assertFalse(m.warns("Leftists lost the elector."), "the last letter must agree");
    }

    @Test
    void explainSaysWhatMatchedWhatCancelledAndWhatCameClosest() {
        Explanation hit = m.explain("Leftists lost the election.");
        assertEquals(1, hit.matches.size());
        assertEquals("lost", hit.matches.get(0).ruleId);
        assertTrue(hit.tokens.contains("leftists"));

        Explanation cancelled = m.explain("The lie that leftists lost the election has to stop.");
        assertTrue(cancelled.matches.isEmpty());
        assertEquals(1, cancelled.cancelled.size());
        assertEquals("before", cancelled.cancelled.get(0).place);
        assertTrue(cancelled.cancelled.get(0).words.toLowerCase(java.util.Locale.ROOT).endsWith("lie that"),
                cancelled.cancelled.get(0).words);

        Explanation near = m.explain("Leftists lost the argument.");
        assertTrue(near.matches.isEmpty());
        assertEquals("test/lost", near.closestRule);
        assertEquals("argument", near.stoppedAt);
        assertNull(near.confirmedBy);

        Explanation quoted = m.explain("Mute 'leftists lost the election' please.");
        assertEquals("quoted", quoted.cancelled.get(0).place);
        assertNotNull(quoted.cancelled.get(0).match);
    }

    @Test
    void referWordsMustBeOneWord() {
        ParseResult r = ListParser.parse(TestLists.HEADER + "group g: a\n  refer: those people\n");
        assertFalse(r.ok());
        assertTrue(r.problems().get(0).message.contains("must be one word"), r.problems().toString());
        assertEquals(5, r.problems().get(0).line);
    }
}
