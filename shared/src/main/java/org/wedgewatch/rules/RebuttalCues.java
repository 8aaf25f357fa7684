package org.wedgewatch.rules;

/**
 * Wordings that turn a smear into its rebuttal, built into the engine so every list and every
 * user's own rules get them: "the lie that ...", "stop retweeting posts that say ...",
 * "... is a lie". Written in the list format itself and parsed by the same parser.
 */
final class RebuttalCues {
    private RebuttalCues() {
    }

    static final String TEXT = String.join("\n",
        "! Title: Built-in rebuttal cues",
        "! Id: builtin-rebuttals",
        "! Version: 1",
        "group claim: lie, lies, myth, smear, claim, idea, notion, narrative, talking point, meme, trope, "
            + "propaganda, garbage, nonsense, bs, bullshit, disinformation, misinformation, story",
        "group spread: retweeting, retweet, sharing, share, spreading, spread, amplifying, amplify, posting, "
            + "boosting, boost, repeating, repeat, falling for, believing",
        "group speaker: accounts, account, trolls, troll, bots, bot, people, posts, post, tweets, tweet, folks, "
            + "pundits, someone, somebody, guys, anyone, those, they",
        "group saying: say, says, said, saying, claim, claims, claimed, claiming, insist, insists, insisting, "
            + "push, pushing, pushes, tell, telling, tells, argue, argues, arguing, think, thinks, pretend, "
            + "pretends, pretending, suggest, suggests, suggesting, want you to believe, keep saying",
        "except before: {claim} that",
        "except before: {claim} of",
        "except before: stop {spread}",
        "except before: (do not|never) {spread}",
        "except before: {speaker} [who|that|which] {saying} [that]",
        "except before: (it is|that is|this is) [a] (false|not true|a lie|wrong|propaganda|a smear) that",
        "except before: not true that",
        "except before: (do not|never) (believe|buy|fall for)",
        "except before: (if|when) (someone|anyone|somebody|an account|a troll|a bot) (says|claims|tells you|posts)",
        "except before: the (so called|so-called)",
        "except before: (fact check|fact-check|debunked|debunking|myth|false)",
        "except before: (stop|quit) (saying|claiming|pretending|blaming)",
        "except before: (who|which|that) (say|says|claim|claims|insist|insists|pretend|pretends|want you to think)",
        "except after: (is|are|was) [just] [a|an] [total|complete|russian|right wing|gop] {claim}",
        "except after: (is|are|was) (false|not true|untrue|wrong|a lie|debunked|nonsense|bullshit|bs)",
        "except after: said no one",
        "except after: (is|are) what (trolls|bots|they|russia|the kremlin|the gop) want",
        "");

    private static PatternList list;

    /** The parsed cues; a problem here is a bug in this class, caught by its test. */
    static synchronized PatternList list() {
        if (list == null) {
            ParseResult r = ListParser.parse(TEXT);
            if (!r.ok()) throw new IllegalStateException("built-in rebuttal cues: " + r.problems().get(0));
            list = r.list();
        }
        return list;
    }
}
