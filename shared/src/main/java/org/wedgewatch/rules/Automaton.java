package org.wedgewatch.rules;

/**
 * The compiled form of all enabled rules: a trie of group terms, which turns the words of a post
 * into term classes ("a {left} ends here, started two words back"), and a trie of phrases over
 * words and classes. A group in a template is one edge, so groups cost nothing in phrases.
 */
final class Automaton {
    static final int UNKNOWN = 0;
    /** A gap's edge: any one word. */
    static final int ANY = 1;
    /** The end of a sentence. */
    static final int BREAK = 2;
    /** The end of a sentence that asked a question. */
    static final int QUESTION = 3;

    final Vocabulary vocabulary;
    final boolean[] negation;
    /** Words a match steps over anywhere inside it ("really", "all"): fillers never open a gap. */
    final boolean[] filler;
    /** Words that end a clause: a gap never skips them. */
    final boolean[] barrier;
    /** Words that open a question ("why", "who", "are"): a question that opens with one is asked, not echoed. */
    final boolean[] asks;
    /** Words that open an aside between commas ("who ...", "and I say this ..."): matches read past it. */
    final boolean[] opensAside;
    final Trie phrases;
    /** Outputs: a class token id times two, plus one for a refer word ("they"). */
    final Trie terms;
    /**
     * For a class token, the token of its root in the term trie: its tails hang below that node, and
     * the node's outputs are the groups that include the class; -1 when it has neither.
     */
    final int[] rootToken;
    final Typos typos;
    /**
     * For each token id, {@link #BY_TOKEN} ints side by side: its child of the phrase root, its child
     * of the term root (-1 for none) and its marks. The matcher reads these for every word of a
     * post: one memory read in the browser where five arrays cost five.
     */
    final int[] byToken;
    static final int BY_TOKEN = 4;
    static final int PHRASE_ROOT = 0;
    static final int TERM_ROOT = 1;
    static final int MARKS = 2;
    static final int NEGATES = 1;
    static final int FILLS = 2;
    static final int BARS = 4;

    Automaton(Vocabulary vocabulary, boolean[] negation, boolean[] filler, boolean[] barrier, boolean[] asks, boolean[] opensAside,
              Trie phrases, Trie terms, int[] rootToken, Typos typos) {
        this.vocabulary = vocabulary;
        this.negation = negation;
        this.filler = filler;
        this.barrier = barrier;
        this.asks = asks;
        this.opensAside = opensAside;
        this.phrases = phrases;
        this.terms = terms;
        this.rootToken = rootToken;
        this.typos = typos;
        int tokens = negation.length;
        byToken = new int[BY_TOKEN * tokens];
        for (int t = 0; t < tokens; t++) {
            int at = BY_TOKEN * t;
            byToken[at + PHRASE_ROOT] = phrases.child(0, t);
            byToken[at + TERM_ROOT] = terms.child(0, t);
            byToken[at + MARKS] = (negation[t] ? NEGATES : 0) | (filler[t] ? FILLS : 0) | (barrier[t] ? BARS : 0);
        }
    }

    int tokenId(String word) {
        int id = vocabulary.get(word);
        return id < 0 ? typoId(word) : id;
    }

    /** The token of {@code word}, not a word of the vocabulary: the list word it is a slip of, or UNKNOWN. */
    int typoId(String word) {
        int id = typos.correct(word);
        return id < 0 ? UNKNOWN : id;
    }

    int nodeCount() {
        return phrases.nodeCount() + terms.nodeCount();
    }

    /** Approximate bytes held by the arrays (the vocabulary map excluded). */
    long arrayBytes() {
        return phrases.arrayBytes() + terms.arrayBytes() + negation.length + filler.length + barrier.length + 4L * rootToken.length + 4L * byToken.length
                + typos.arrayBytes();
    }
}
