package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the compiled automaton over a post in one left-to-right pass, then weighs the hits in a
 * second pass over them. Every word costs at most {@link Limits#MAX_LIVE} steps per term that
 * ends there, whatever the list, so matching is linear in the post. Safe for concurrent use.
 */
public final class Matcher {
    /** How far before a match an "except before:" wording may end, in tokens. */
    static final int BEFORE_WINDOW = 8;
    /** Words a claim may stop short of the question mark that echoes it. */
    static final int ECHO_TAIL = 3;
    /**
     * Words from a claim's first to its last beyond which a question mark after it is rhetorical
     * ("you progressives sat on your hands in Dearborn and act surprised Trump won??"), not an echo.
     */
    static final int LONG_ECHO = 6;
    /** How far after a match an "except after:" wording may start, in tokens. */
    static final int AFTER_WINDOW = 3;

    private final Automaton automaton;
    private final PatternTable patterns;
    private final List<PatternList> lists;

    Matcher(Automaton automaton, PatternTable patterns, List<PatternList> lists) {
        this.automaton = automaton;
        this.patterns = patterns;
        this.lists = lists;
    }

    Automaton automaton() { return automaton; }
    PatternTable patterns() { return patterns; }
    /** The lists compiled; of a matcher read from a {@link CompiledForm}, their ids and rules only. */
    public List<PatternList> lists() { return lists; }

    /** Every rule that fires on {@code text}, once per rule, in order of position. */
    public List<Match> match(String text) {
        Scan scan = take();
        try {
            scan.read(text);
            scan.run();
            return scan.resolve(null);
        } finally {
            give(scan);
        }
    }

    public List<Match> match(Tokens tokens) {
        Scan scan = take();
        try {
            scan.load(tokens);
            scan.run();
            return scan.resolve(null);
        } finally {
            give(scan);
        }
    }

    /**
     * The verdict on {@code text} with its reasons: what matched, what cancelled, what came closest.
     * Apart from {@link #match} so that code which only judges (the browser's) carries none of this.
     */
    public Explanation explain(String text) {
        Explanation why = new Explanation();
        Scan scan = take();
        try {
            scan.read(text);
            scan.explaining = true;
            scan.run();
            why.matches = scan.resolve(why);
            scan.describe(why);
        } finally {
            give(scan);
        }
        return why;
    }

    /** Steps the automaton took on {@code text}: what the linear-time tests count. */
    public long steps(String text) {
        Scan scan = take();
        try {
            scan.read(text);
            scan.run();
            scan.resolve(null);
            return scan.steps;
        } finally {
            give(scan);
        }
    }

    /** Tokens the automaton reads for {@code text}: words, plus one per sentence end. */
    public int positions(String text) {
        Scan scan = take();
        try {
            scan.read(text);
            return scan.n;
        } finally {
            give(scan);
        }
    }

    // One spare scan with its arrays is kept, so judging a post allocates almost nothing
    // (in the browser, allocation and garbage collection were most of the cost). Handed over
    // without a lock: TeaVM's monitors allocate on every enter.
    private final AtomicReference<Scan> spare = new AtomicReference<>();

    private Scan take() {
        Scan s = spare.getAndSet(null);
        return s != null ? s : new Scan();
    }

    private void give(Scan s) {
        s.tokens = null;
        s.explaining = false;
        spare.set(s);
    }

    public boolean warns(String text) {
        return !match(text).isEmpty();
    }

    /** Nodes in the compiled tries, for benchmarks and limits. */
    public int automatonNodes() {
        return automaton.nodeCount();
    }

    public long automatonBytes() {
        return automaton.arrayBytes();
    }

    String word(int id) {
        return automaton.vocabulary.word(id);
    }

    /**
     * The state of one pass. Positions are the post's words (emoji skipped) with one extra
     * position at each sentence end. Live trie positions are kept for the last few positions,
     * because a group term that ends here may have started a few words back.
     */
    private final class Scan {
        final Normalizer.Folded folded = new Normalizer.Folded();
        final Tokens ownTokens = new Tokens(64); // refilled for every post matched by text
        Tokens tokens;
        boolean explaining;
        int n;
        int[] ids = new int[64];
        int[] origin = new int[64];    // index into tokens; -1 at a sentence end
        int[] sentence = new int[64];  // sentence number of each position
        int[] quotedBefore = new int[65]; // quoted words before each position
        boolean[] commaBefore = new boolean[64]; // a comma between this position's word and the one before
        boolean[] aside = new boolean[64]; // inside an aside between commas: matches read past it
        int[] asideEnd = new int[64]; // at a position inside an aside: the position just after it
        int steps; // an int, not a long: TeaVM emulates long arithmetic, and this is counted in the hot loop

        // The automaton's parts, read at every position.
        final Trie phrases = automaton.phrases;
        final Trie terms = automaton.terms;
        final int[] byToken = automaton.byToken;

        // Live trie positions after each of the last RING positions: node and start, those after
        // ring slot r at [r * MAX_LIVE, r * MAX_LIVE + liveCount[r]) (flat: one array read, not two).
        static final int RING = Limits.MAX_TERM_WORDS + Limits.MAX_TAIL_WORDS + 1;
        static final int LIVE = Limits.MAX_LIVE;
        /** Live matches after an unsaid subject carry their start below this (see {@link #started}). */
        static final int UNSAID = -1;
        final int[] liveNode = new int[RING * LIVE];
        final int[] liveStart = new int[RING * LIVE];
        final int[] liveCount = new int[RING];
        static final int STARTS_PER_NODE = 4;
        static final int MAX_ASIDE = 15;
        /** The slot of the same node with another start at the same position, or -1. */
        final int[] sameNode = new int[RING * LIVE];
        // Constant-time de-duplication of the set being built (RE2's sparse set, by stamp).
        int[] stamp = new int[0];
        int[] slot = new int[0];
        int stampNow;

        // Term trie positions, and the terms ending at the current position.
        int[] termNode = new int[Limits.MAX_LIVE];
        int[] termStart = new int[Limits.MAX_LIVE];
        int termCount;
        int[] nextTermNode = new int[Limits.MAX_LIVE];
        int[] nextTermStart = new int[Limits.MAX_LIVE];
        int[] eventClass = new int[Limits.MAX_TERMS_PER_WORD];
        int[] eventStart = new int[Limits.MAX_TERMS_PER_WORD];
        int events;
        /** At a sentence end: the group its next sentence may be about ("/" among refer words), else -1. */
        int topicClass = -1;
        int[] classSeenAt = new int[0]; // last position where a term of the class ended, in this post
        int[] classSeenPost = new int[0]; // the post number classSeenAt is for

        int[] hitPattern = new int[8];
        int[] hitStart = new int[8];
        int[] hitEnd = new int[8];
        int hits;
        // Exemption hits by end and by start position: heads of chains through nextByEnd/nextByStart.
        int[] headByEnd = new int[64];
        int[] headByStart = new int[64];
        int[] nextByEnd = new int[8];
        int[] nextByStart = new int[8];
        boolean chained; // the heads are filled in for this post: it had an exemption hit
        int[] reportedStamp = new int[0]; // per pattern: the post number that reported it
        int post;

        // After "let's not pretend" (a denial of a denial), negations in the same sentence assert.
        int denialSentence = -1;
        int at; // the position being stepped
        boolean denialUsed; // a negation was read as a word after a denial: the post asserts

        // For explaining a miss: the deepest trie position any match reached.
        int bestDepth;
        int bestNode;
        int bestStart;
        int bestStopped;

        /** Normalizes {@code text} into this scan's own buffers and loads it. */
        void read(String text) {
            load(Normalizer.normalize(text, folded, ownTokens, automaton.vocabulary));
        }

        void load(Tokens t) {
            tokens = t;
            n = 0;
            hits = 0;
            steps = 0;
            post++;
            int capacity = 2 * t.size + 2;
            if (ids.length < capacity) {
                ids = new int[capacity];
                origin = new int[capacity];
                sentence = new int[capacity];
                quotedBefore = new int[capacity + 1];
                commaBefore = new boolean[capacity];
                aside = new boolean[capacity];
                asideEnd = new int[capacity];
            }
            boolean[] quoted = Quotes.quotedTokens(t);
            boolean commas = t.mayComma; // most posts have none: no aside to look for
            int s = 0;
            // The post's start is a sentence start too: "This. \u201c...\u201d" agrees with the quote after it.
            boolean pendingBreak = true;
            for (int i = 0; i < t.size; i++) {
                pendingBreak |= t.sentenceStarts[i];
                if (t.kinds[i] == Tokens.EMOJI) continue; // emoji never break a phrase
                if (pendingBreak) addBreak(t, i, s++);
                pendingBreak = false;
                if (t.kinds[i] != Tokens.WORD) ids[n] = Automaton.UNKNOWN;
                else if (t.ids[i] != Tokens.NO_ID && t.words[i] == null) ids[n] = t.ids[i] < 0 ? Automaton.UNKNOWN : t.ids[i];
                else if (t.ids[i] == Tokens.NOT_LISTED) ids[n] = automaton.typoId(t.words[i]);
                else ids[n] = automaton.tokenId(t.words[i]);
                origin[n] = i;
                sentence[n] = s;
                commaBefore[n] = commas && i > 0 && commaBetween(t.text, t.ends[i - 1], t.starts[i]);
                aside[n] = false;
                quotedBefore[n + 1] = quotedBefore[n] + (quoted != null && quoted[i] ? 1 : 0);
                n++;
            }
            if (n > 0) addBreak(t, t.size, s); // the post's end ends its last sentence
            if (commas) markAsides();
        }

        private static boolean commaBetween(String text, int from, int to) {
            for (int k = from; k < to; k++) if (text.charAt(k) == ',') return true;
            return false;
        }

        /**
         * An aside opens with a comma and one of the automaton's aside words, in the middle of a
         * sentence, and closes at the next comma of the sentence, at most MAX_ASIDE words on.
         */
        private void markAsides() {
            for (int p = 1; p < n; p++) {
                int id = ids[p];
                if (!commaBefore[p] || id <= Automaton.QUESTION || !automaton.opensAside[id] || sentence[p - 1] != sentence[p]
                        || origin[p - 1] < 0) continue;
                for (int q = p + 1; q < n && q <= p + MAX_ASIDE && sentence[q] == sentence[p] && origin[q] >= 0; q++) {
                    steps++;
                    if (!commaBefore[q]) continue;
                    for (int k = p; k < q; k++) {
                        aside[k] = true;
                        asideEnd[k] = q;
                    }
                    p = q - 1;
                    break;
                }
            }
        }

        /** A sentence-end position before token {@code next} (or at the end of the post). */
        private void addBreak(Tokens t, int next, int s) {
            ids[n] = Quotes.questionBefore(t, next) ? Automaton.QUESTION : Automaton.BREAK;
            origin[n] = -1;
            sentence[n] = s;
            commaBefore[n] = false;
            aside[n] = false; // arrays are reused from post to post: a sentence end is never an aside
            quotedBefore[n + 1] = quotedBefore[n];
            n++;
        }

        void run() {
            int vocab = automaton.vocabulary.size();
            if (classSeenAt.length < vocab) {
                classSeenAt = new int[vocab];
                classSeenPost = new int[vocab];
            }
            int nodes = automaton.phrases.nodeCount();
            if (stamp.length < nodes) {
                stamp = new int[nodes];
                slot = new int[nodes];
                stampNow = 0;
            }
            if (headByEnd.length < n + 1) {
                headByEnd = new int[n + 1];
                headByStart = new int[n + 1];
            }
            chained = false;
            termCount = 0;
            bestDepth = 0;
            denialSentence = -1;
            denialUsed = false;
            for (int r = 0; r < RING; r++) liveCount[r] = 0;
            int prev = RING - 1;
            for (int i = 0; i < n; i++) {
                int here = prev == RING - 1 ? 0 : prev + 1; // i % RING
                termStep(i);
                phraseStep(i, here, prev);
                prev = here;
            }
        }

        /** Finds the group terms (and refer words) that end at position {@code i}. */
        private void termStep(int i) {
            Trie terms = this.terms;
            int token = ids[i];
            int count = 0;
            events = 0;
            topicClass = -1;
            if (token == Automaton.BREAK || token == Automaton.QUESTION) {
                int node = byToken[Automaton.BY_TOKEN * Automaton.BREAK + Automaton.TERM_ROOT];
                if (node >= 0) topicClass = namedLast(terms, node, i);
            } else if (token > Automaton.QUESTION) {
                count = termReached(byToken[Automaton.BY_TOKEN * token + Automaton.TERM_ROOT], i, count);
                for (int k = 0; k < termCount; k++) count = termAdvance(terms, termNode[k], termStart[k], token, count);
            }
            int[] t = termNode;
            termNode = nextTermNode;
            nextTermNode = t;
            t = termStart;
            termStart = nextTermStart;
            nextTermStart = t;
            termCount = count;
            for (int k = 0; k < termCount; k++) {
                int node = termNode[k];
                for (int o = terms.outputStart[node]; o < terms.outputStart[node + 1]; o++) {
                    int value = terms.outputs[o];
                    if ((value & 1) == 0 && events < eventClass.length) {
                        eventClass[events] = value >>> 1;
                        eventStart[events++] = termStart[k];
                    }
                }
                int referClass = namedLast(terms, node, termStart[k]);
                if (referClass >= 0 && events < eventClass.length) {
                    eventClass[events] = referClass;
                    eventStart[events++] = termStart[k];
                }
            }
            for (int e = 0; e < events; e++) { // grows as including groups are added
                int c = eventClass[e];
                classSeenPost[c] = post;
                classSeenAt[c] = i;
                int root = classRoot(c);
                if (root < 0) continue;
                steps++;
                // The groups that include this one are named here too ("{faction}" in "group target").
                for (int o = terms.outputStart[root]; o < terms.outputStart[root + 1] && events < eventClass.length; o++) {
                    steps++;
                    eventClass[events] = terms.outputs[o] >>> 1;
                    eventStart[events++] = eventStart[e];
                }
                // A term may go on with one of its class's tails ("Biden" + "'s crowd").
                if (termCount < termNode.length) {
                    termNode[termCount] = root;
                    termStart[termCount++] = eventStart[e];
                }
            }
        }

        /** The unsaid subject stands for its group and every group including it (groups include only those above them). */
        private void addTopic(int c, int start, int here) {
            addChild(phrases, 0, c, start, here);
            int root = classRoot(c);
            if (root < 0) return;
            for (int o = terms.outputStart[root]; o < terms.outputStart[root + 1]; o++) addTopic(terms.outputs[o] >>> 1, start, here);
        }

        /** The term trie node a class's tails hang from, whose outputs are the groups including it; -1 if none. */
        private int classRoot(int c) {
            int tail = automaton.rootToken[c];
            return tail < 0 ? -1 : terms.child(0, tail);
        }

        /**
         * A refer word ("he") stands for one group: of the groups it can refer to, the one named
         * last before {@code before} ("Clinton called out Trump for what he is": he is Trump); -1
         * when none of them was named yet.
         */
        private int namedLast(Trie terms, int node, int before) {
            int last = -1;
            for (int o = terms.outputStart[node]; o < terms.outputStart[node + 1]; o++) {
                int value = terms.outputs[o];
                int c = value >>> 1;
                if ((value & 1) != 0 && classSeenPost[c] == post && classSeenAt[c] < before
                        && (last < 0 || classSeenAt[c] > classSeenAt[last])) last = c;
            }
            return last;
        }

        private int termAdvance(Trie terms, int node, int start, int token, int count) {
            return termReached(terms.child(node, token), start, count);
        }

        /** Makes term trie node {@code c} (-1: none) live after this position. */
        private int termReached(int c, int start, int count) {
            steps++;
            if (c < 0 || count == nextTermNode.length) return count;
            nextTermNode[count] = c;
            nextTermStart[count] = start;
            return count + 1;
        }

        /** Steps the phrase trie at position {@code i}, ring slot {@code here}; {@code prev} is the slot before. */
        private void phraseStep(int i, int here, int prev) {
            at = i;
            Trie trie = phrases;
            int token = ids[i];
            stampNow++;
            liveCount[here] = 0;
            boolean isBreak = token == Automaton.BREAK || token == Automaton.QUESTION;
            boolean word = token > Automaton.QUESTION;
            int record = Automaton.BY_TOKEN * token;
            int marks = word ? byToken[record + Automaton.MARKS] : 0;
            // A negation inside quotation marks is someone else's word, not the claim's: "The leftists
            // who chant 'not our war' are Russian assets" is one claim.
            boolean negates = (marks & Automaton.NEGATES) != 0 && quotedBefore[i + 1] == quotedBefore[i];
            boolean skipped = (marks & Automaton.FILLS) != 0 || aside[i];
            if (negates && sentence[i] == denialSentence) { // "... didn't cost us" after "let's not pretend"
                negates = false;
                skipped = true;
                denialUsed = true;
            }
            boolean stops = negates || (marks & Automaton.BARS) != 0;
            if (word) { // the root's step, its child read beside the marks
                reached(byToken[record + Automaton.PHRASE_ROOT], token, i, here);
                if (!stops) addChild(trie, 0, Automaton.ANY, i, here);
            } else {
                step(trie, 0, i, token, isBreak, stops, here);
            }
            int from = prev * LIVE;
            int to = i > 0 ? from + liveCount[prev] : from;
            for (int k = from; k < to; k++) {
                step(trie, liveNode[k], liveStart[k], token, isBreak, stops, here);
                if (skipped) add(liveNode[k], liveStart[k], here); // a filler is stepped over
            }
            for (int e = 0; e < events; e++) {
                int s = eventStart[e];
                int c = eventClass[e];
                addChild(trie, 0, c, s, here);
                if (s == 0 || i - s >= RING - 1) continue;
                int before = (s - 1) % RING;
                for (int k = before * LIVE; k < before * LIVE + liveCount[before]; k++) addChild(trie, liveNode[k], c, started(liveStart[k]), here);
            }
            // A sentence that opens without a target of its own may be about the one named last
            // ("Progressives? Kremlin puppets, every one of them."): its group stands before the
            // sentence's first word, which must follow it at once (no gap after an unsaid subject).
            if (topicClass >= 0) addTopic(topicClass, UNSAID - (i + 1), here);
            int recorded = 0;
            for (int k = here * LIVE; k < here * LIVE + liveCount[here]; k++) {
                int node = liveNode[k];
                if (liveStart[k] < 0) continue; // an unsaid subject alone
                for (int o = trie.outputStart[node]; o < trie.outputStart[node + 1] && recorded < Limits.MAX_HITS_PER_WORD; o++) {
                    int pattern = trie.outputs[o];
                    if (patterns.kind[pattern] == PatternTable.DENIAL) denialSentence = sentence[i];
                    hit(pattern, liveStart[k], i);
                    recorded++;
                }
            }
        }

        private void step(Trie trie, int node, int start, int token, boolean isBreak, boolean barrier, int here) {
            if (start < 0) { // after an unsaid subject: the sentence's first word, unless it asks
                if (token > Automaton.QUESTION && !automaton.asks[token]) addChild(trie, node, token, started(start), here);
                return;
            }
            if (token != Automaton.UNKNOWN) addChild(trie, node, token, start, here);
            if (token == Automaton.QUESTION) addChild(trie, node, Automaton.BREAK, start, here);
            // A gap never skips "not" or "never" (that is how rebuttals pass), "but" or "because"
            // (another clause has another subject), nor a sentence end.
            if (!barrier && !isBreak) addChild(trie, node, Automaton.ANY, start, here);
        }

        private void addChild(Trie trie, int node, int token, int start, int here) {
            reached(trie.child(node, token), token, start, here);
        }

        /** Makes phrase trie node {@code c} (-1: none), reached along {@code token}, live after this position. */
        private void reached(int c, int token, int start, int here) {
            steps++;
            if (c < 0) return;
            add(c, start, here);
            // The nearest miss is the match that got furthest on words, not on a gap's "any word"
            // nor on a sentence end.
            if (explaining && start >= 0 && token > Automaton.QUESTION && phrases.wordDepth()[c] > bestDepth) {
                bestDepth = phrases.wordDepth()[c];
                bestNode = c;
                bestStart = start;
                bestStopped = at + 1;
            }
        }

        /** The real start of a live match: an unsaid subject's start is encoded below zero. */
        private int started(int start) {
            return start < 0 ? UNSAID - start : start;
        }

        /**
         * Makes (node, start) live after this position, once. Merged subtrees mean one node can be
         * reached from different starts (after "Sanders people" and after "him"); each start is kept,
         * as each can be cancelled by different cues, up to STARTS_PER_NODE of them; past that the
         * latest start stands for the rest (the shortest span), so a step stays constant time.
         * A node's starts are chained through sameNode.
         */
        private void add(int node, int start, int here) {
            int first = -1;
            if (stamp[node] == stampNow) {
                first = slot[node];
                int starts = 0;
                for (int k = first; k >= 0; k = sameNode[k]) {
                    steps++;
                    if (liveStart[k] == start) return;
                    starts++;
                }
                if (starts >= STARTS_PER_NODE) {
                    if (start > liveStart[first]) liveStart[first] = start;
                    return;
                }
            }
            int count = liveCount[here];
            if (count == LIVE) return;
            int k = here * LIVE + count;
            stamp[node] = stampNow;
            slot[node] = k;
            sameNode[k] = first;
            liveNode[k] = node;
            liveStart[k] = start;
            liveCount[here] = count + 1;
        }

        private void hit(int pattern, int start, int end) {
            if (hits == hitPattern.length) {
                hitPattern = java.util.Arrays.copyOf(hitPattern, hits * 2);
                hitStart = java.util.Arrays.copyOf(hitStart, hits * 2);
                hitEnd = java.util.Arrays.copyOf(hitEnd, hits * 2);
                nextByEnd = java.util.Arrays.copyOf(nextByEnd, hits * 2);
                nextByStart = java.util.Arrays.copyOf(nextByStart, hits * 2);
            }
            hitPattern[hits] = pattern;
            hitStart[hits] = start;
            hitEnd[hits] = end;
            if (patterns.isExemption(pattern)) {
                if (!chained) { // most posts have no exemption hit: the heads are filled for those that do
                    java.util.Arrays.fill(headByEnd, 0, n + 1, -1);
                    java.util.Arrays.fill(headByStart, 0, n + 1, -1);
                    chained = true;
                }
                nextByEnd[hits] = headByEnd[end];
                headByEnd[end] = hits;
                nextByStart[hits] = headByStart[start];
                headByStart[start] = hits;
            }
            hits++;
        }

        /** Is position {@code i} among the first {@code first} words of its sentence? */
        private boolean opensSentence(int i, int first) {
            int words = 0;
            for (int k = i - 1; k >= 0 && sentence[k] == sentence[i] && origin[k] >= 0; k--) {
                if (++words >= first) return false;
            }
            return true;
        }

        /**
         * "Progressives cost us the House? Nearly every seat we lost was a moderate's." A claim
         * that ends its sentence with a question mark, in the order of a statement (its sentence
         * does not open with a question word), echoes the claim to doubt it.
         */
        private boolean echoQuestion(int s, int e) {
            if (!questionCloses(e) || e - s >= LONG_ECHO || oneHashtag(s, e)) return false;
            // A question opening inside the claim ("..., how does it feel to be ...?") or any
            // question word at its start or before it in its sentence makes it asked.
            for (int k = s; k < e; k++) {
                steps++;
                if (asks(ids[k]) && asks(ids[k + 1])) return false;
            }
            for (int k = s; k >= 0 && k >= s - BEFORE_WINDOW && sentence[k] == sentence[s] && origin[k] >= 0; k--) {
                steps++;
                if (asks(ids[k])) return false;
                if (k == s - BEFORE_WINDOW) return false; // a long sentence: not an echo
            }
            return true;
        }

        /**
         * The claim is one hashtag ("#ProgressivesAreTheRealRacists trending, and honestly?"): its
         * words touch, with no space between them. A hashtag is put forward, never echoed.
         */
        private boolean oneHashtag(int s, int e) {
            int words = 0;
            int lastEnd = -1;
            for (int k = s; k <= e; k++) {
                steps++;
                if (origin[k] < 0) continue;
                int t = origin[k];
                if (lastEnd >= 0 && tokens.starts[t] != lastEnd) return false;
                lastEnd = tokens.ends[t];
                words++;
            }
            return words >= 2;
        }

        private boolean asks(int id) {
            return id > Automaton.QUESTION && automaton.asks[id];
        }

        /**
         * The question mark that ends the claim's sentence, at most a few words after it ("Liberals
         * blaming Russia for everything?"). A negation in between makes it a tag ("..., don't they?")
         * that asserts the claim.
         */
        private boolean questionCloses(int e) {
            for (int k = e + 1; k < n && k <= e + 1 + ECHO_TAIL; k++) {
                steps++;
                int id = ids[k];
                if (id == Automaton.QUESTION) return true;
                if (id == Automaton.BREAK || sentence[k] != sentence[e] || id > Automaton.QUESTION && automaton.negation[id]) return false;
            }
            return false;
        }

        /** Most of the match's words inside quotation marks: the post quotes the claim, not makes it. */
        private boolean quoted(int s, int e) {
            int words = 0;
            for (int k = s; k <= e; k++) if (origin[k] >= 0) words++;
            int inQuotes = quotedBefore[e + 1] - quotedBefore[s];
            return inQuotes >= 2 && 2 * inQuotes >= words;
        }

        List<Match> resolve(Explanation why) {
            if (reportedStamp.length < patterns.size) reportedStamp = new int[patterns.size];
            boolean confirmed = denialUsed;
            for (int h = 0; h < hits; h++) {
                int kind = patterns.kind[hitPattern[h]];
                if (kind == PatternTable.CONFIRM || (kind == PatternTable.DENIAL && denialUsed)) {
                    confirmed = true;
                    if (why != null) why.confirmedBy = span(hitStart[h], hitEnd[h]);
                }
            }
            List<Match> out = why != null ? new ArrayList<>() : null; // most posts match nothing: no list
            for (int h = 0; h < hits; h++) {
                int p = hitPattern[h];
                if (patterns.kind[p] != PatternTable.RULE || reportedStamp[p] == post) continue;
                int x = exemptedBy(h, confirmed);
                boolean quote = x < 0 && !confirmed && quoted(hitStart[h], hitEnd[h]);
                boolean echo = x < 0 && !quote && !confirmed && echoQuestion(hitStart[h], hitEnd[h]);
                PatternList list = lists.get(patterns.list[p]);
                Rule rule = list.rules.get(patterns.rule[p]);
                int start = charStart(hitStart[h]);
                int end = charEnd(hitEnd[h]);
                Match m = new Match(list.id, rule.id, rule.family, rule.explanation, rule.action, start, end,
                        patterns.list[p], patterns.rule[p]);
                if (x >= 0 || quote || echo) {
                    if (why != null) why.cancelled(m, x >= 0 ? patterns.source.get(hitPattern[x]) : null,
                            x >= 0 ? span(hitStart[x], hitEnd[x]) : null, x >= 0 ? placeOf(hitPattern[x]) : quote ? "quoted" : "asked");
                    continue;
                }
                reportedStamp[p] = post;
                if (out == null) out = new ArrayList<>();
                out.add(m);
            }
            if (out == null) return Collections.emptyList();
            sortByStart(out);
            return out;
        }

        private String placeOf(int pattern) {
            return place(pattern).name().toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * The exemption hit that cancels rule hit {@code h}, or -1. Only hits in a bounded window of
         * positions around the match are looked at, through the by-position chains: one pass.
         * A confirmed post ("he was right") keeps what a reported-speech cue before it would cancel.
         */
        private int exemptedBy(int h, boolean confirmed) {
            if (!chained) return -1;
            int p = hitPattern[h];
            int s = hitStart[h];
            int e = hitEnd[h];
            if (!confirmed) {
                for (int end = s - 1; end >= 0 && end >= s - 1 - BEFORE_WINDOW; end--) {
                    for (int x = headByEnd[end]; x >= 0; x = nextByEnd[x]) {
                        steps++;
                        int q = hitPattern[x];
                        if (place(q) == Exemption.Place.BEFORE && patterns.covers(q, p) && sentence[hitStart[x]] == sentence[s]
                                && !barrierBetween(hitEnd[x], s)) return x;
                    }
                }
            }
            int reach = Math.min(n - 1, e + BEFORE_WINDOW);
            for (int end = s; end <= reach; end++) {
                for (int x = headByEnd[end]; x >= 0; x = nextByEnd[x]) {
                    steps++;
                    int q = hitPattern[x];
                    if (place(q) == Exemption.Place.OVER && hitStart[x] <= e && patterns.covers(q, p)
                            && !inAsideReadPast(hitStart[x], end, e)) return x;
                }
            }
            for (int start = e + 1; start <= Math.min(n - 1, e + 1 + AFTER_WINDOW + 1); start++) {
                for (int x = headByStart[start]; x >= 0; x = nextByStart[x]) {
                    steps++;
                    int q = hitPattern[x];
                    // A confirmed post keeps a claim whose speaker follows it ("..., my dad said, and he's right").
                    if (place(q) != Exemption.Place.AFTER || !patterns.covers(q, p) || confirmed && patterns.reports(q)) continue;
                    // "... lost the election? No." may answer from the next sentence's first words, a speaker from
                    // its first word only: "... . My dad said so." reports, "... . She claimed a ..." does not.
                    if (sentence[start] == sentence[e] || ids[start] == Automaton.QUESTION && sentence[start - 1] == sentence[e] || ids[start] == Automaton.BREAK
                            || (sentence[start] == sentence[e] + 1 && opensSentence(start, patterns.reports(q) ? 1 : 2))) return x;
                }
            }
            return -1;
        }

        /**
         * Is the exception's hit, from {@code from} to {@code to}, inside an aside that the claim,
         * ending at {@code claimEnd}, reads past? "The Clintonistas, who called it reform, are the
         * real racists": the aside's words are not the claim's.
         */
        private boolean inAsideReadPast(int from, int to, int claimEnd) {
            return aside[from] && to < asideEnd[from] && claimEnd >= asideEnd[from];
        }

        /** "Leftists love calling everyone a bigot, but they're the real racists": "but" ends the cue's reach. */
        private boolean barrierBetween(int from, int to) {
            for (int k = from + 1; k < to; k++) {
                steps++;
                int id = ids[k];
                if (id > Automaton.QUESTION && automaton.barrier[id]) return true;
            }
            return false;
        }

        private Exemption.Place place(int pattern) {
            return Exemption.Place.values()[patterns.kind[pattern] - 1];
        }

        private int charStart(int pos) {
            while (origin[pos] < 0) pos++;
            return tokens.starts[origin[pos]];
        }

        private int charEnd(int pos) {
            while (origin[pos] < 0) pos--;
            return tokens.ends[origin[pos]];
        }

        private String span(int s, int e) {
            while (s < e && origin[s] < 0) s++;
            while (e > s && origin[e] < 0) e--;
            if (origin[s] < 0) return "";
            return tokens.text.substring(tokens.starts[origin[s]], tokens.ends[origin[e]]);
        }

        /** Fills in the tokens and, when nothing matched, the nearest miss. */
        void describe(Explanation why) {
            for (int i = 1; i < n; i++) { // after the post's opening sentence start
                if (origin[i] < 0) {
                    why.tokens.add(ids[i] == Automaton.QUESTION ? "?" : "/");
                } else {
                    int t = origin[i];
                    String w = tokens.words[t] != null ? tokens.words[t] : ids[i] != Automaton.UNKNOWN ? word(ids[i]) : null;
                    why.tokens.add(w != null ? w : tokens.text.substring(tokens.starts[t], tokens.ends[t]).toLowerCase(java.util.Locale.ROOT));
                }
            }
            if (!why.matches.isEmpty() || bestDepth == 0) return;
            int rulePattern = nearestRule(bestNode);
            if (rulePattern < 0) return;
            PatternList list = lists.get(patterns.list[rulePattern]);
            why.closestRule = list.id + "/" + list.rules.get(patterns.rule[rulePattern]).id;
            why.closestMatched = span(bestStart, Math.max(bestStart, bestStopped - 1));
            why.stoppedAt = bestStopped < n ? why.tokens.get(bestStopped - 1) : "(the end of the post)";
        }

        /** The first rule pattern found below {@code node}, breadth-first. */
        private int nearestRule(int node) {
            Trie trie = automaton.phrases;
            int[] queue = new int[Math.min(trie.nodeCount(), 4096)];
            int head = 0;
            int tail = 0;
            queue[tail++] = node;
            while (head < tail) {
                int at = queue[head++];
                for (int o = trie.outputStart[at]; o < trie.outputStart[at + 1]; o++) {
                    if (patterns.kind[trie.outputs[o]] == PatternTable.RULE) return trie.outputs[o];
                }
                for (int edge = trie.edgeStart[at]; edge < trie.edgeStart[at + 1] && tail < queue.length; edge++) {
                    queue[tail++] = trie.edgeChild[edge];
                }
            }
            return -1;
        }
    }

    private static void sortByStart(List<Match> matches) {
        for (int i = 1; i < matches.size(); i++) { // insertion sort: a handful of matches at most
            Match m = matches.get(i);
            int j = i - 1;
            while (j >= 0 && matches.get(j).start > m.start) {
                matches.set(j + 1, matches.get(j));
                j--;
            }
            matches.set(j + 1, m);
        }
    }
}
