package org.wedgewatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NormalizerTest {
    private static String words(String text) {
        return joined(text, " ");
    }

    /** The words with " /" where a sentence ends. */
    private static String sentences(String text) {
        return joined(text, " / ");
    }

    private static String joined(String text, String beforeSentence) {
        Tokens t = Normalizer.normalize(text);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            if (i > 0) sb.append(t.sentenceStart(i) ? beforeSentence : " ");
            sb.append(t.word(i));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '=', value = {
        "LEFTISTS Are The Real Racists = leftists are the real racists",
        "\uFF2C\uFF45\uFF46\uFF54\uFF49\uFF53\uFF54\uFF53 lost = leftists lost",                // fullwidth
        "\uD835\uDC0B\uD835\uDC1E\uD835\uDC1F\uD835\uDC2D lost = left lost",                    // mathematical bold
        "\uD835\uDE13\uD835\uDE26\uD835\uDE27\uD835\uDE35 lost = left lost",                    // mathematical sans italic
        "Left\u200Bi\u200Dsts lost = leftists lost",                                            // zero-width
        "Progr\u00E8ssiv\u00E9s lost = progresives lost",                                       // diacritics
        "Progre\u0301ssives lost = progresives lost",                                           // combining mark
        "L\u0435ftists \u0430re = leftists are",                                                // Cyrillic look-alikes
        "\u039Fbama lost = obama lost",                                                        // Greek look-alike
        "L3ftists are raci$ts = leftists are racists",
        "pr0gressives r the real racists = progresives are the real racists",
        "Th3 Squ4d takes n0 Kreml1n m0ney = the squad takes no kremlin money",
        "Th3y are n0t the real racists = they are not the real racists",
        "L e f t i s t s lost = leftists lost",
        "D.e.m.s lost = dems lost",
        "r.e.a.l r.a.c.i.s.t.s = real racists",
        "Leeeeftists are the reeeeal racists = leftists are the real racists",
        "#BernieBros lost = bernie bros lost",
        "#berniebros lost = berniebros lost",
        "#LeftistsAreTheRealRacists = leftists are the real racists",
        "#NeoMcCarthyismOnTheLeft = neo mcarthyism on the left", // one word, as "McCarthyism" reads
        "#McConnellLies = mconel lies",
        "\u201CLeftists\u201D are the \u2018real\u2019 racists = leftists are the real racists",
        "Leftists...are...the...real...racists = leftists are the real racists",
        "u r the real racists = you are the real racists",
        "Leftists aren't the real racists = leftists are not the real racists",
        "Leftists aren\u2019t the real racists = leftists are not the real racists",
        "Dems didnt lose = dems did not lose",
        "they're in Putin's pocket = they are in putin pocket",
        "\u24C1\u24D4\u24D5\u24E3 lost = left lost",                                            // circled letters
        "\u029F\u1D07\uA730\u1D1B lost = left lost",                                            // small caps
    })
    void normalizes(String input, String expected) {
        assertEquals(expected, words(input));
    }

    @Test
    void urlsMentionsAndEmojiAreTokensOfTheirOwn() {
        Tokens t = Normalizer.normalize("@Some_One look https://t.co/abc?x=1 \uD83D\uDD25\uD83C\uDFFD ok");
        assertEquals(5, t.size());
        assertEquals(Tokens.MENTION, t.kind(0));
        assertEquals("@some_one", t.word(0));
        assertEquals(Tokens.WORD, t.kind(1));
        assertEquals(Tokens.URL, t.kind(2));
        assertEquals(Tokens.EMOJI, t.kind(3));
        assertEquals("\uD83D\uDD25\uD83C\uDFFD", t.word(3)); // the skin tone stays with its emoji
        assertEquals("ok", t.word(4));
    }

    @Test
    void numbersAndOrdinalsAreNotLeetspeak() {
        assertEquals("in 2016 the 1st and 90s", words("In 2016 the 1st and 90s"));
    }

    @Test
    void spansPointIntoTheOriginalText() {
        String text = "Wow \uD835\uDC0B\uD835\uDC1E\uD835\uDC1F\uD835\uDC2D\u200Bists lost";
        Tokens t = Normalizer.normalize(text);
        assertEquals("leftists", t.word(1));
        assertEquals(4, t.start(1));
        assertEquals(text.indexOf(" lost"), t.end(1));
        assertEquals("lost", text.substring(t.start(2), t.end(2)));
    }

    @Test
    void sentencesBreakOnFullStopsButNotOnEllipsesInsideWords() {
        Tokens t = Normalizer.normalize("They lost. The election...was close! Really? yes\nno");
        StringBuilder starts = new StringBuilder();
        for (int i = 0; i < t.size(); i++) starts.append(t.sentenceStart(i) ? '|' : '.');
        // they lost | the election was close | really | yes | no
        assertEquals("..|...|||", starts.toString());
    }

    @Test
    void spacedLettersNeedFourInARow() {
        assertEquals("you are a liar", words("u r a liar"));
        assertEquals("i a m here", words("I  a m  here"));
    }

    @Test
    void aThreeLetterWordSpacedOutNextToALongerOneIsJoined() {
        assertEquals("the real racists", words("t h e  r e a l  r a c i s t s"));
        assertEquals("red scare 2 0", words("R e d  S c a r e  2.0"));
        assertEquals("the dnc is the real racist", words("T h e  D N C  i s  t h e  r e a l  r a c i s t"),
            "two- and three-letter words in a phrase with a longer one");
        assertEquals("you are a joke", words("u r a joke"), "single spaces and no longer word next to it: still letters");
    }

    @Test
    void aPossessiveOnSpacedOutLettersIsDroppedAsOnAWord() {
        assertEquals("putin pupets", words("P u t i n ' s  p u p p e t s"));
        assertEquals("on putin payrol", words("on P u t i n's payroll"));
        assertEquals("the a won", words("The A's won"), "a single letter's possessive alone is still a letter");
    }

    @Test
    void anArrowReadsAsAnEqualsSign() {
        assertEquals("progresives = the real racists", words("Progressives \u2192 the real racists"));
        assertEquals("progresives = racists", words("Progressives -> racists"));
        assertEquals("a = b", words("a \u21D2 b"));
    }

    @Test
    void textSpeakForTheIsRead() {
        assertEquals("the left lost the election the end", words("da left lost teh election tha end"));
    }

    @Test
    void contractionsTypedWithoutTheApostropheAreRead() {
        assertEquals("they are the real racists", words("theyre the real racists"));
        assertEquals("that is why there is a problem", words("thats why theres a problem"));
        assertEquals("tests and themes", words("tests and themes"), "words of that shape that are not contractions stay");
    }

    @Test
    void soCalledIsOneWordSoItsCalledIsNoSayingVerb() {
        assertEquals("the socaled left", words("the so-called left"));
        assertEquals("the socaled left", words("The so called left"));
        assertEquals("also caled", words("also called"), "only the words themselves");
    }

    @Test
    void titlesAndInitialismsEndNoSentence() {
        assertEquals("pres obama is the real racist", sentences("Pres. Obama is the real racist"));
        assertEquals("sen sanders lost", sentences("Sen. Sanders lost"));
        assertEquals("the usa democrats / they", sentences("The U.S. Democrats. They"), "'U.S.' is never the pronoun");
        assertEquals("the dnc lost", sentences("The D.N.C. lost"));
        assertEquals("he lost / obama won", sentences("he lost. Obama won"), "other words' dots still end sentences");
    }

    @Test
    void oneWordSentencesInARowAreOneClappedSentence() {
        assertEquals("the real racists are clintonistas", sentences("The. Real. Racists. Are. Clintonistas."));
        assertEquals("wrong / wrong / wrong", sentences("Wrong. Wrong. Wrong."), "one word said three times is three answers");
        assertEquals("no / just no", sentences("No. Just no."));
        assertEquals("new thread / the real racists are liberals", sentences("New thread\nThe. Real. Racists. Are. Liberals."),
            "after a line break too");
    }

    @Test
    void theKlanInitialsAreAWordNotAStretchedLetter() {
        assertEquals("the party of the kkk", words("the party of the KKK"));
        assertEquals("so god", words("sooo goood"));
    }

    @Test
    void handlesAreReadAsWordsExceptWhereTheyNameWhoWroteOrIsAnswered() {
        assertEquals("so the democrats are the real racists", words("So @TheDemocrats are the real racists"));
        assertEquals("thanks sen sanders", words("Thanks @SenSanders"));
        assertEquals("@one @two you lost", words("@one @two you lost"), "a reply's opening handles are who it answers");
        assertEquals("rt @hillary : we lost", words("RT @hillary: we lost"));
        assertEquals("a thread via @newsdesk", words("a thread via @newsdesk"));
    }

    @Test
    void anAmpersandIsAndEvenAsAnHtmlEntity() {
        assertEquals("racists and democrats", words("racists & Democrats"));
        assertEquals("racists and democrats", words("racists &amp; Democrats"));
        assertEquals("a b", words("a &gt; b"), "other entities are only punctuation");
    }

    @Test
    void aDollarSignBeforeLettersIsAnS() {
        assertEquals("the squad cost us", words("Th3 $quad c0st u$"));
        assertEquals("5 dolars", words("$5 dollars"));
    }
}
