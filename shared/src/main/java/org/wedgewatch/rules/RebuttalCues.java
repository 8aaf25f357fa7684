package org.wedgewatch.rules;

/**
 * Wordings that turn a smear into its rebuttal, built into the engine so every list and every
 * user's own rules get them: "the lie that ...", "stop retweeting posts that say ...",
 * "... is a lie". Written in the list format itself and parsed by the same parser.
 */
final class RebuttalCues {
    private RebuttalCues() {
    }

    static final String TEXT = (
        // One constant expression: javac joins the literals, so the browser bundle carries one string.
        "! Title: Built-in rebuttal cues" + "\n" +
        "! Id: builtin-rebuttals" + "\n" +
        "! Version: 1" + "\n" +
        "group claim: lie, lies, myth, smear, claim, idea, notion, narrative, talking point, meme, trope, "
            + "propaganda, garbage, nonsense, bs, bullshit, disinformation, misinformation, story, line, take, "
            + "conspiracy theory, slogan, script, rumor, rumors, rumour, accusation, accusations, allegation, "
            + "allegations, charge, theory, canard, falsehood, fiction, meme, memes, line of attack, talking points, "
            + "fever dream, fantasy, delusion, hoax, fairy tale" + "\n" +
        "group spread: retweeting, retweet, sharing, share, spreading, spread, amplifying, amplify, posting, "
            + "boosting, boost, repeating, repeat, falling for, believing, parroting, forwarding, reposting, repost, "
            + "resharing, reshare, quote tweeting, liking" + "\n" +
        "group speaker: accounts, account, trolls, troll, bots, bot, people, posts, post, tweets, tweet, folks, "
            + "pundits, someone, somebody, guys, anyone, those, they, he, she, everyone, everybody, nobody, "
            + "comment, comments, reply, replies, mentions, panelist, panelists" + "\n" +
        "group kin: columnist, commentator, writer, reporter, journalist, anchor, host, blogger, uncle, aunt, mom, mother, dad, father, grandpa, grandfather, grandma, grandmother, brother, "
            + "sister, cousin, coworker, co worker, colleague, boss, friend, neighbor, neighbour, husband, wife, "
            + "teacher, professor, pastor, guy, man, woman, relative, in law, roommate, classmate, student" + "\n" +
        "group reporter: op ed, article, ad, ads, headline, headlines, thinkpiece, essay, column, segment, panel, think tank, "
            + "flyer, mailer, chain email, email, video, podcast, study, report, paper, screenshot, caption, "
            + "ad campaign, poster, billboard, chyron, pundit, commentator, host, talking head, campaign ad" + "\n" +
        "group saying: say, says, said, saying, claim, claims, claimed, claiming, insist, insists, insisting, "
            + "push, pushing, pushes, pushed, tell, telling, tells, told, argue, argues, arguing, argued, think, "
            + "thinks, pretend, pretends, pretending, suggest, suggests, suggesting, want you to believe, "
            + "keep saying, reply, replies, replied, replying, swear, swears, swore, posted, tweeted, tweets, posts, wrote, writes, "
            + "is convinced, was convinced, is sure, was sure, "
            + "implying, implies, blames, blamed, quoted, quoting, shouted, yelled, asserting, asserts, alleging, alleges, "
            + "called, calls, calling, labeled, labelled, branded, forwarded, forwarding, shared, sharing, sent, sends, "
            + "asks, asked, asking, wonders, wondered, wondering, informed, informs, assured, assures, explained, explains" + "\n" +
        "group denied: true, so, the case, right, correct, real, accurate, a fact, what happened, how it works, "
            + "how it worked, why, because, about, the reason, even true, even close to, remotely, at all, a thing" + "\n" +
        "except before: {claim} that" + "\n" +
        "except before: {claim} of" + "\n" +
        "except before: stop {spread}" + "\n" +
        "except before: (do not|never) {spread}" + "\n" +
        "except before: {speaker} [who|that|which] {saying} [that]" + "\n" +
        "except before: {speaker} * {saying} [that]" + "\n" +
        // "Every comment under the news story says ...": a speaker placed by a phrase before its verb.
        "except before: ({speaker}|{kin}|{reporter}) (on|in|under|at|from|below|beneath) *4 {saying} [that]" + "\n" +
        "except before: (you are|you re|he is|she is|they are|people are|everyone is|whoever says) (wrong|mistaken) (that|about|to say|to think)" + "\n" +
        "except before: {kin} [who|that] {saying} [that]" + "\n" +
        "except before: {kin} * {saying} [that]" + "\n" +
        // "My aunt, who watches cable all day, told me that ...": a speaker with words between it and its verb.
        "except before: {kin} (who|that) *5 *3 (told|tells|said|says|insists|insisted|claims|claimed|swears|swore) [me|us] [that]" + "\n" +
        "except before: (the|this|that|a) [new|latest|current|newest|old|favorite|favourite|usual|same] {claim} *5 *5 (was|is) that" + "\n" +
        "except before: (told|tell|tells|telling|texted|texting|emailed|messaged|wrote|writes|assured) *3 that" + "\n" +
        "except before: (told|tell|tells|telling) (me|us|you|everyone|people) that" + "\n" +
        "except before: (claiming|insisting|arguing|suggesting|alleging|asserting|posting|tweeting|writing) [that]" + "\n" +
        "except before: (announced|announces|proclaimed|proclaims) [that]" + "\n" +
        "except before: (none of|not one of|neither of)" + "\n" +
        "except before: (calling|labeling|labelling|branding|painting|saying|telling people|insinuating|pretending|imagining|believing|thinking|mocking|accusing)" + "\n" +
        "except before: (insists|insisted|claims|claimed|swears|swore|maintains|alleges|alleged|argues|argued|thinks|believes|keeps saying|kept saying) [that]" + "\n" +
        "except before: (keep|keeps|kept) (seeing|hearing|reading) [that|people say|posts saying]" + "\n" +
        "except before: (painted|painting|portrayed|portraying|framed|framing|depicted|depicting|cast|casting|smeared|smearing)" + "\n" +
        // A saying verb inside a match means its words were someone's words: "accounts posing as progressives called the DNC ...".
        "except: (called|claimed|claims|claiming|labeled|labelled|branded|accused|painted|portrayed|insists|insisted|says|said|swears|swore)" + "\n" +
        "except before: whether" + "\n" +
        "except before: (the|a|that|this|hashtags like|tags like) (hashtag|tag)" + "\n" +
        "except before: (informed|informs|assured|assures) (me|us|everyone|people) [that]" + "\n" +
        // "Supporting Ukraine doesn't make Democrats Russophobes" denies the label.
        "except before: (does not|do not|did not|would not|will not) (make|makes|mean|means|prove|proves|turn|put|puts) [the|all|every|a|an]" + "\n" +
        "except before: (used to|once) (think|thought|believe|believed)" + "\n" +
        "except before: (see|saw|hear|heard|read) (people|folks|someone|posts|tweets|accounts) (say|saying|claim|claiming|insist)" + "\n" +
        "except before: (the|this|that|a) [new|latest|current|newest|old|favorite|favourite|usual|same] {claim} [that]" + "\n" +
        "except before: (a|an|the|this|that|every|one|two|three|both|these|those|some) {reporter}" + "\n" +
        "except before: (it is|that is|this is) [flatly|simply|plainly|just|completely] [a] (false|not true|untrue|a lie|wrong|propaganda|a smear) that" + "\n" +
        "except before: not true that" + "\n" +
        "except before: (do not|never|no longer|not|cannot) (believe|buy|fall for|accept)" + "\n" +
        "except before: (if|when) (someone|anyone|somebody|an account|a troll|a bot) (says|claims|tells you|posts)" + "\n" +
        "except before: (fact check|fact-check|debunked|debunking|myth|false)" + "\n" +
        "except before: (stop|quit) (saying|claiming|pretending|blaming|telling me|telling people|posting|sharing|spreading)" + "\n" +
        "except before: (overheard|overhearing|i heard|heard someone say|heard people say)" + "\n" +
        "except before: (who|which|that) (say|says|claim|claims|insist|insists|pretend|pretends|want you to think)" + "\n" +
        "except after: (is|are|was) [just] [a|an] [total|complete|russian|kremlin|right wing|gop|troll] {claim}" + "\n" +
        "except after: (is|are|was) (false|not true|untrue|wrong|a lie|debunked|nonsense|bullshit|bs)" + "\n" +
        "except after: said no one" + "\n" +
        "except after: according to" + "\n" +
        // A saying verb just after a claim names its speaker: "Democrats are the real racists, my uncle says."
        "except after: [my|his|her|their|our|some|one|a|the] {kin} (said|says|tweeted|tweets|claimed|claims|insisted|insists|argued|argues|added|replied|quipped|joked|declared|declares)" + "\n" +
        "except after: (said|says|claims|claimed|insists|argues) (my|his|her|their|our|some|one|a|the|someone|somebody|everyone|every|many|most|all)" + "\n" +
        "except after: / (wrong|false|nope|not true|untrue|nonsense) /" + "\n" +
        "except after: (is|are) what (trolls|bots|they|russia|the kremlin|the gop) want" + "\n" +
        "except after: ? (no|nope|wrong|false|nah|hardly|only if|not really|of course not|please|not even close|lol no|come on|doubtful|really|seriously|check|look at|read|show me|source)" + "\n" +
        "except after: ? *3 (not|no|never|nothing|nobody|none|wrong|false|nonsense|myth|untrue)" + "\n" +
        "except after: ? (that is|that s|this is) (the|a) (question|claim|line|meme|talking point)" + "\n" +
        // "... It isn't." denies the claim; "... It isn't even close." insists on it.
        "except after: / (it|they|he|she|that|this) (did|does|is|are|was|were|has|have|do) not (/|{denied})" + "\n" +
        "except after: (is|was|are) [just|a] (easier|lazy|wrong|unfair|a mistake|a cop out|a dodge|pointless|cheap) [than]" + "\n" +
        "except after: (makes|make|made) (no|zero|little|not any) sense" + "\n" +
        "except after: (is|was|are) [just] (absurd|ridiculous|silly|lazy|laughable|baseless|unfounded)" + "\n" +
        "" + "\n" +
        // A post that reports a claim and then agrees with it makes the claim: these keep the claim warned
        // when a reported-speech cue or quotation marks around it would cancel it.
        "rule endorsed" + "\n" +
        "  family: built-in" + "\n" +
        "  explain: Agrees with the claim it reports." + "\n" +
        "  match: (he|she|they|you|he is|she is) (is|are|was|were) [so|totally|absolutely|completely|dead] right" + "\n" +
        "  match: {kin} (is|was) [so|totally|absolutely|completely|dead] right" + "\n" +
        "  match: (said|put|says|puts|sums|summed|framed) it (best|perfectly|well|up)" + "\n" +
        "  match: say it louder" + "\n" +
        "  match: (has to|have to|got to|going to|gona|will|gotta|i will|i am going to) say it" + "\n" +
        "  match: [and] (it is|it s|it was) not even close" + "\n" +
        "  match: [i have|and i have] no notes" + "\n" +
        "  match: (he is|she is|they are|he s|she s|they re|you are) [honestly|really] not wrong" + "\n" +
        "  match: (say|says|said|saying) [it|this] out loud" + "\n" +
        "  match: say it again" + "\n" +
        "  match: (nailed it|no lies detected|truest thing|could not have said it better|could not have put it better|amen to that)" + "\n" +
        // A word that agrees only when it stands alone: "Facts." agrees, "the facts say otherwise" and "the county fair" do not.
        "  match: / (spot on|preach|exactly right|so true|facts|still true|fair|fair enough|amen|true|truth|correct) /" + "\n" +
        "  match: could not agree more" + "\n" +
        "  match: (got|gets) it right" + "\n" +
        "  match: can not argue with (him|her|them|that|it)" + "\n" +
        "  match: (dead on|keep saying it|been saying it)" + "\n" +
        "  match: (hard|tough|impossible) to argue with (that|him|her|them|it)" + "\n" +
        "  match: (he is|she is|they are|he s|she s|they re|you are|that is|that s) [honestly|really|totally|just|so] (spot on|dead on|correct|on the money)" + "\n" +
        "  match: (said|say|says|saying) amen" + "\n" +
        "  match: (framed it|hung it|pinned it) *2 (in|on|to) (my|our)" + "\n" +
        "  match: never [once] found (him|her|them) wrong" + "\n" +
        "  match: (it is|it s|that is) (not|no) (untrue|unfair|a stretch|an exaggeration|wrong) [to say] [that]" + "\n" +
        "  match: (like|as) (my|our|the) [old] {kin} [always|once|used to] (said|says|say|put it)" + "\n" +
        "  match: (i am|i m) [just] saying" + "\n" +
        "  match: ? yes" + "\n" +
        // "... the real racist one now? Yeah. Always was." answers its own question; "Yeah, right." does not.
        "  match: ? (yeah|yep|yup|absolutely|obviously|duh) /" + "\n" +
        "  match: ? (yeah|yep|yup|yes) (always|every time|obviously|absolutely)" + "\n" +
        "" + "\n" +
        // "Let's not pretend progressives didn't ..." asserts what it seems to deny.
        "rule denial" + "\n" +
        "  family: built-in" + "\n" +
        "  explain: Denies a denial, so the claim after it is made." + "\n" +
        "  match: (not|never) (pretend|act like|tell me|kid yourself|kid ourselves|forget|saying|like)" + "\n" +
        "  match: tell me (again|one more time) [that]" + "\n" +
        "  match: (it is|it s) not that" + "\n" +
        "  match: (nobody|no one) (will|can|could) [ever] convince me [that]" + "\n" +
        "  match: no sane person [still] (thinks|believes)" + "\n" +
        "  match: (can not|could not) say" + "\n" +
        "  match: (not|never) try to (tell me|pretend|act like)" + "\n" +
        "  match: (nobody|no one) (can|could|will|is going to) (convince|tell|persuade) me" + "\n" +
        "  match: (nobody|no one|you) (can|could) [seriously|honestly|really] (deny|say|pretend|tell me|claim|argue)" + "\n" +
        "  match: (cannot|can not) deny" + "\n" +
        "  match: (refuse|refuses) to (believe|accept)" + "\n" +
        "  match: stop (pretending|acting like)" + "\n" +
        "  match: (anyone|anybody) [still] pretending" + "\n" +
        "");

    /** The cue rule whose wordings deny a denial: after them, "isn't" and "didn't" assert. */
    static final String DENIAL = "denial";

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
