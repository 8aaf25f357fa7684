package org.wedgewatch.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns a post into normalized tokens, undoing the tricks people use to dodge mute filters:
 * look-alike characters, zero-width joiners, leetspeak inside words (L3ftists, raci$ts),
 * spaced-out letters (L e f t i s t s), stretched letters, CamelCase hashtags, punctuation runs,
 * contractions and text-speak. Repeated letters are folded to one in every word ("progressives"
 * becomes "progresives"), the same way for posts and for list templates, so stretching never helps.
 * URLs, @mentions and emoji stay tokens of their own.
 */
public final class Normalizer {
    private Normalizer() {
    }

    private static final String[] TEXT_SPEAK = {
        "r", "are", "u", "you", "ur", "your", "da", "the", "tha", "the", "teh", "the", "bc", "because", "cuz", "because",
        "coz", "because", "b4", "before", "thru", "through", "n", "and", "w", "with", "im", "i am",
        // Short words in leetspeak, too short for unleet to tell from "1st" or "4th".
        "4r3", "are", "4re", "are", "ar3", "are", "1s", "is", "0n", "on", "0f", "of", "t0", "to", "1n", "in",
        "4nd", "and", "4ll", "all", "u$", "us", "n0", "no", "n0t", "not", "1t", "it", "b3", "be", "w3", "we", "bout", "about",
        // Contractions typed without the apostrophe ("theyre the real racists").
        "theyre", "they are", "youre", "you are", "thats", "that is", "theres", "there is", "whos", "who is",
        "whats", "what is", "shes", "she is", "theyve", "they have", "youve", "you have", "theyll", "they will",
        "youll", "you will",
    };

    private static final String[] NEGATIVE_CONTRACTIONS = {
        "arent", "are", "isnt", "is", "didnt", "did", "dont", "do", "doesnt", "does", "wasnt", "was",
        "werent", "were", "havent", "have", "hasnt", "has", "hadnt", "had", "couldnt", "could",
        "wouldnt", "would", "shouldnt", "should", "aint", "is", "cant", "can", "wont", "will",
    };

    private static final String SO_CALLED = "so-called";
    /** Abbreviations whose dot does not end a sentence: "Pres. Obama", "Sen. Warren". */
    private static final String[] TITLES = {
        "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "govs", "pres", "st", "vs", "jr", "sr",
        "gen", "lt", "col", "sgt", "prof", "rev", "hon", "amb", "sec", "atty", "ca", "approx",
    };
    /** Words before a handle that name the author of what follows, not a target in it: "RT @x", "via @x". */
    private static final String[] ATTRIBUTIONS = {"rt", "via", "cc", "ht", "by", "from"};
    private static final String[] PUNCTUATION_ENTITIES = {"&lt;", "&gt;", "&quot;", "&#39;", "&apos;"};

    private static final Map<String, String> TEXT_SPEAK_MAP = pairs(TEXT_SPEAK);
    /** The text-speak words, looked up in a post's characters without making a String. */
    private static final Vocabulary TEXT_SPEAK_WORDS = new Vocabulary();
    /** By first and last letter: could a plain word be text-speak? Most short words are ruled out at once. */
    private static final boolean[] TEXT_SPEAK_ENDS = new boolean[26 * 26];

    static {
        for (int i = 0; i < TEXT_SPEAK.length; i += 2) {
            String w = TEXT_SPEAK[i];
            TEXT_SPEAK_WORDS.intern(w);
            char first = w.charAt(0);
            char last = w.charAt(w.length() - 1);
            if (first >= 'a' && first <= 'z' && last >= 'a' && last <= 'z') TEXT_SPEAK_ENDS[(first - 'a') * 26 + last - 'a'] = true;
        }
    }
    private static final Map<String, String> NEGATIVE_CONTRACTION_MAP = pairs(NEGATIVE_CONTRACTIONS);
    /** Each lower-case ASCII letter as a String, and as canonical() reads it alone ("u" is "you"). */
    private static final String[] LETTERS = new String[26];
    private static final String[] LETTER_WORDS = new String[26];

    static {
        for (int i = 0; i < 26; i++) {
            LETTERS[i] = String.valueOf((char) ('a' + i));
            LETTER_WORDS[i] = canonical(LETTERS[i]);
        }
    }

    private static Map<String, String> pairs(String[] flat) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < flat.length; i += 2) m.put(flat[i], flat[i + 1]);
        return m;
    }

    /** Normalizes {@code text} into tokens whose spans point into {@code text}. */
    public static Tokens normalize(String text) {
        return normalize(text, new Folded(), new Tokens(text.length() / 4 + 8), null); // ~five characters a token
    }

    /** Normalizes into buffers the caller reuses from post to post (the matcher does). */
    static Tokens normalize(String text, Folded folded, Tokens into, Vocabulary vocabulary) {
        folded.load(text);
        into.size = 0;
        into.text = text;
        into.mayQuote = !folded.identity; // folding hides which quotation marks the original had
        into.mayComma = false; // the scanner reads every character between tokens, and ASCII folds to itself
        Scanner scanner = new Scanner(folded, into, vocabulary);
        scanner.scan();
        if (scanner.singles) mergeSpacedLetters(folded, into, scanner.spacedPair);
        if (scanner.claps) joinClaps(into);
        toOriginalPositions(folded, into);
        return into;
    }

    /** The canonical words of a phrase written in a list, normalized exactly as posts are. */
    static String[] words(String phrase) {
        Tokens t = normalize(phrase);
        String[] out = new String[t.size];
        for (int i = 0; i < t.size; i++) out[i] = t.words[i];
        return out;
    }

    /** Text-speak expansion and folding of repeated letters, for one lower-case word. */
    static String canonical(String word) {
        String expanded = TEXT_SPEAK_MAP.get(word);
        return collapseRepeats(expanded != null ? expanded : word);
    }

    static String collapseRepeats(String word) {
        int n = word.length();
        if (isTripledLetter(word)) return word; // "kkk" is a word of its own, not a stretched "k"
        StringBuilder sb = null;
        for (int i = 1; i < n; i++) {
            char c = word.charAt(i);
            if (c == word.charAt(i - 1) && isLetter(c)) {
                if (sb == null) sb = new StringBuilder(word.substring(0, i));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? word : sb.toString();
    }

    private static boolean isTripledLetter(String word) {
        return word.length() == 3 && word.charAt(0) == word.charAt(1) && word.charAt(1) == word.charAt(2);
    }

    /**
     * The text with every character folded; each folded char remembers its span in the original.
     * Plain ASCII text (most posts) is used as it is, with no position tables.
     */
    static final class Folded {
        char[] chars = new char[256];
        private String text;        // the original, when chars are the same as its characters
        private int[] origStart;    // unused when the text is plain ASCII: positions are the same
        private int[] origEnd;
        private boolean identity;
        int length;

        void load(String text) {
            int n = text.length();
            if (chars.length < n + 1) chars = new char[n + 1];
            // Copied and tested for ASCII in one loop: in the browser each read of the String costs.
            char[] copy = chars;
            int high = 0;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                copy[i] = c;
                high |= c;
            }
            boolean ascii = high < 0x80;
            length = 0;
            identity = ascii;
            if (ascii) {
                this.text = text;
                length = n;
                return;
            }
            this.text = null;
            if (origStart == null || origStart.length < n + 1) {
                origStart = new int[n + 1];
                origEnd = new int[n + 1];
            }
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c < 0x80) { // folds to itself, never ignorable: most of any post
                    put(c, i, i + 1);
                    i++;
                    continue;
                }
                int cp = text.codePointAt(i);
                int len = Character.charCount(cp);
                if (CharFolding.isIgnorable(cp)) {
                    // Keep the span whole: a dropped joiner inside a word belongs to that word.
                    if (length > 0 && origEnd[length - 1] == i) origEnd[length - 1] = i + len;
                } else {
                    int folded = CharFolding.fold(cp);
                    if (folded < 0x10000) {
                        put((char) folded, i, i + len);
                    } else { // astral and unfolded (emoji): keep its two UTF-16 units
                        put(text.charAt(i), i, i + len);
                        put(text.charAt(i + 1), i, i + len);
                    }
                }
                i += len;
            }
        }

        private void put(char c, int start, int end) {
            chars[length] = c;
            origStart[length] = start;
            origEnd[length] = end;
            length++;
        }

        int originalStart(int i) {
            return identity ? i : origStart[i];
        }

        int originalEnd(int i) {
            return identity ? i + 1 : origEnd[i];
        }

        char at(int i) {
            return i >= 0 && i < length ? chars[i] : ' ';
        }

        String slice(int from, int to) {
            return new String(chars, from, to - from);
        }

        /** The lower-cased slice; a plain substring of the post when it is lower-case ASCII already. */
        String lowerSlice(int from, int to) {
            if (identity) {
                boolean lower = true;
                for (int i = from; i < to && lower; i++) lower = !(chars[i] >= 'A' && chars[i] <= 'Z');
                if (lower) return text.substring(from, to); // no char array: cheap in the browser too
            }
            char[] out = new char[to - from];
            for (int i = from; i < to; i++) {
                char c = chars[i];
                if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
                else if (c >= 0x80) return slice(from, to).toLowerCase(java.util.Locale.ROOT);
                out[i - from] = c;
            }
            return new String(out);
        }
    }

    /** A one-letter word straight from the text, a candidate for spaced-out letters; read as a WORD later. */
    private static final byte SINGLE = 9;

    /**
     * Joins runs of four or more single letters separated by one space or dot ("L e f t i s t s")
     * and reads the remaining single letters as words ("u" is "you"). Positions are still folded ones.
     */
    private static void mergeSpacedLetters(Folded f, Tokens t, boolean spacedPair) {
        boolean[] inLongChain = spacedPair ? longChains(f, t) : null; // most posts: no letters spaced out
        int out = 0;
        int i = 0;
        int joinedEnd = -1; // where the last joined run ended, in the folded text
        while (i < t.size) {
            int j = spacedRunEnd(f, t, i);
            if (i != out) t.copy(i, out);
            int n = j - i;
            // "T h e  D N C  i s  t h e  r e a l  r a c i s t": short words spaced out in one phrase
            // with a longer one are words too.
            boolean inLongPhrase = n >= 2 && inLongChain != null && inLongChain[i];
            // A three-letter word spaced out next to a longer one is part of the same phrase ("t h e  r e a l").
            boolean inPhrase = n == 3 && (wordGap(f, joinedEnd, t.starts[i]) || j < t.size && !t.sentenceStarts[j]
                    && wordGap(f, t.ends[j - 1], t.starts[j]) && spacedRunEnd(f, t, j) - j >= 4);
            if (n >= 4 || inLongPhrase || n == 3 && (spelledNot(t, i) || inPhrase)) {
                StringBuilder sb = new StringBuilder();
                for (int k = i; k < j; k++) sb.append(t.words[k]);
                // "P u t i n ' s  p u p p e t s": a possessive spaced out too is dropped, as "Putin's" drops it.
                if (spacedPossessive(f, t, j)) j++;
                joinedEnd = t.ends[j - 1];
                t.words[out] = sb.toString();
                t.ends[out] = t.ends[j - 1];
                i = j;
            } else {
                i++;
            }
            if (t.kinds[out] == SINGLE) {
                t.kinds[out] = Tokens.WORD;
                String w = t.words[out];
                char c = w.charAt(0);
                t.words[out] = w.length() == 1 && c >= 'a' && c <= 'z' ? LETTER_WORDS[c - 'a'] : canonical(w);
            }
            out++;
        }
        t.size = out;
    }

    /**
     * By token: does a run of spaced letters start here that is one of a phrase of such runs, each
     * two or three spaces from the next, one of them four letters or longer? Two passes over the runs.
     */
    private static boolean[] longChains(Folded f, Tokens t) {
        boolean[] marked = new boolean[t.size];
        int chainStart = -1;
        boolean chainLong = false;
        int prevEnd = -1;
        for (int i = 0; i <= t.size; ) {
            int j = i < t.size ? spacedRunEnd(f, t, i) : i + 1;
            boolean run = i < t.size && j - i >= 2;
            boolean continues = run && chainStart >= 0 && !t.sentenceStarts[i] && wordGap(f, prevEnd, t.starts[i]);
            if (!continues) {
                if (chainStart >= 0 && chainLong) {
                    for (int k = chainStart; k < i; k = spacedRunEnd(f, t, k)) marked[k] = true;
                }
                chainStart = run ? i : -1;
                chainLong = false;
            }
            if (run) {
                chainLong |= j - i >= 4;
                prevEnd = t.ends[j - 1];
            }
            i = j;
        }
        return marked;
    }

    /**
     * The end of the run of single letters from token i (i + 1 when none), all separated by the
     * same one character: in "r.e.a.l r.a.c.i.s.t.s" the space between the dotted words ends a run.
     */
    private static int spacedRunEnd(Folded f, Tokens t, int i) {
        int j = i + 1;
        if (t.kinds[i] != SINGLE || j >= t.size) return j;
        char separator = f.chars[t.ends[i]];
        while (j < t.size && t.kinds[j] == SINGLE && !t.sentenceStarts[j] && t.starts[j] - t.ends[j - 1] == 1
                && f.chars[t.ends[j - 1]] == separator && isLetterSeparator(separator)) {
            j++;
        }
        return j;
    }

    /** Is token {@code j} a lone "s" after an apostrophe (and at most a space either side), right after token j - 1? */
    private static boolean spacedPossessive(Folded f, Tokens t, int j) {
        if (j >= t.size || t.kinds[j] != SINGLE || !"s".equals(t.words[j]) || t.sentenceStarts[j]) return false;
        int from = t.ends[j - 1];
        int to = t.starts[j];
        int apostrophes = 0;
        for (int k = from; k < to; k++) {
            char c = f.chars[k];
            if (c == '\'') apostrophes++;
            else if (c != ' ') return false;
        }
        return apostrophes == 1 && to - from <= 3;
    }

    /** Two or three spaces from {@code from} to {@code to}: the gap between spaced-out words. */
    private static boolean wordGap(Folded f, int from, int to) {
        if (from < 0 || to - from < 2 || to - from > 3) return false;
        for (int k = from; k < to; k++) if (f.chars[k] != ' ') return false;
        return true;
    }

    /** "did n o t": a negation spelled out is too short for the four-letter rule but must still negate. */
    private static boolean spelledNot(Tokens t, int i) {
        return "n".equals(t.words[i]) && "o".equals(t.words[i + 1]) && "t".equals(t.words[i + 2]);
    }

    private static boolean isLetterSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*';
    }

    /**
     * "The. Real. Racists. Are. Clintonistas.": three or more one-word sentences in a row, not all
     * the same word ("Wrong. Wrong. Wrong." stays three answers), are one sentence said with emphasis.
     */
    private static void joinClaps(Tokens t) {
        int i = 0;
        while (i < t.size) {
            int j = i;
            boolean different = false;
            while (j < t.size && (j == 0 || t.sentenceStarts[j]) && (j + 1 == t.size || t.sentenceStarts[j + 1])) {
                if (j > i && t.wordHash(j) != t.wordHash(i)) different = true;
                j++;
            }
            if (j - i >= 3 && different) {
                for (int k = i + 1; k < j; k++) t.sentenceStarts[k] = false;
            }
            i = Math.max(j, i + 1);
        }
    }

    /** Turns positions in the folded text into positions in the original. */
    private static void toOriginalPositions(Folded f, Tokens t) {
        if (f.identity) return; // plain ASCII: folded positions are the original ones
        for (int i = 0; i < t.size; i++) {
            int start = f.originalStart(t.starts[i]);
            t.ends[i] = f.originalEnd(t.ends[i] - 1);
            t.starts[i] = start;
        }
    }

    /** One left-to-right pass over the folded text. */
    static final class Scanner {
        private final Folded f;
        private final Tokens raw;
        private final Vocabulary vocabulary; // null unless normalizing for a matcher
        private boolean pendingBreak;
        private int sentenceFrom; // the token the sentence being read starts at
        private int oneWordRun; // how many one-word sentences in a row end here
        /** Three one-word sentences in a row: maybe a clapped claim ("The. Real. Racists."). */
        boolean claps;
        /** A single letter was read: maybe one of spaced-out letters to join. */
        boolean singles;
        /** Two single letters one character apart: maybe a word spaced out. */
        boolean spacedPair;
        // The last run of ASCII letters read by letterRun, lower-cased: its String.hashCode with
        // repeated letters read once, that word packed for the vocabulary, how many letters it has,
        // its first and last letter, whether any letter repeated and whether any was upper-case.
        private int runHash;
        private int runHigh;
        private int runLow;
        private int runLetters;
        private char runFirst;
        private char runLast;
        private boolean runRepeat;
        private boolean runUpper;

        Scanner(Folded f, Tokens raw, Vocabulary vocabulary) {
            this.f = f;
            this.raw = raw;
            this.vocabulary = vocabulary;
        }

        void scan() {
            int n = f.length;
            int i = 0;
            while (i < n) {
                char c = f.chars[i];
                if ((c == 's' || c == 'S') && soCalledAt(i)) {
                    // "so-called" only doubts a name; read as one word, its "called" is no saying verb.
                    emit("socalled", Tokens.WORD, i, i + SO_CALLED.length(), false);
                    i += SO_CALLED.length();
                } else if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && !startsUrl(i)) { // most tokens of any post
                    int dotted = f.at(i + 1) == '.' ? initialismEnd(i) : i;
                    if (dotted > i) {
                        initialism(i, dotted);
                        i = dotted;
                    } else {
                        i = readWord(i);
                    }
                } else if (c == '\n' || c == '\r') {
                    if (!pendingBreak) { // a line that ends with no dot is no one-word sentence
                        pendingBreak = true;
                        sentenceFrom = raw.size;
                        oneWordRun = 0;
                    }
                    i++;
                } else if (isSpace(c)) {
                    i++;
                } else if (startsUrl(i)) {
                    int j = i;
                    while (j < n && !isSpace(f.chars[j])) j++;
                    raw.mayQuote = true; // a URL may hold quotation marks that Quotes reads
                    emit("<url>", Tokens.URL, i, j, false);
                    i = j;
                } else if (c == '@' && isHandleChar(f.at(i + 1)) && !isLetterOrDigit(f.at(i - 1))) {
                    int j = i + 1;
                    while (j < n && isHandleChar(f.chars[j])) j++;
                    if (namesAuthor(i, j)) emit(f.lowerSlice(i, j), Tokens.MENTION, i, j, false);
                    else hashtag(i, j); // "@TheDemocrats are ..." names a target, read as its words
                    i = j;
                } else if (c == '#' && isLetterOrDigit(f.at(i + 1))) {
                    int j = i + 1;
                    while (j < n && (isLetterOrDigit(f.chars[j]) || f.chars[j] == '_')) j++;
                    hashtag(i, j);
                    i = j;
                } else if (isLetterOrDigit(c) || c == '$' && isLetter(f.at(i + 1)) && !isLetterOrDigit(f.at(i - 1))) {
                    int j = wordEnd(i); // "$quad": a dollar sign before letters is leetspeak for s
                    word(i, j);
                    i = j;
                } else if (c == '&') {
                    int entity = punctuationEntityEnd(i);
                    if (entity > i) {
                        i = entity; // "&gt;", "&quot;" left in text copied from a page are only punctuation
                    } else {
                        // "&" (or "&amp;") is "and": "racists & Democrats" are two things, not "racist Democrats".
                        int end = Math.max(i + 1, htmlEntityEnd(i, "&amp;"));
                        emit("and", Tokens.WORD, i, end, false);
                        i = end;
                    }
                } else if (c == '.' || c == '!' || c == '?') {
                    i = sentenceEnd(i);
                } else if (c == ':' || c == '=' || c == '\u2192' || c == '\u21d2' || c == '-' && f.at(i + 1) == '>') {
                    // Kept as words: "Progressives: the real racists", "Progressive = racist" are claims,
                    // and so is an arrow ("Progressives -> racists").
                    int end = c == '-' ? i + 2 : i + 1;
                    emit(c == ':' ? ":" : "=", Tokens.WORD, i, end, false);
                    i = end;
                } else if (c < 0x80) {
                    if (c == '"' || c == '\'') raw.mayQuote = true; // not inside a word: maybe a quotation mark
                    else if (c == ',') raw.mayComma = true;
                    i++; // other ASCII punctuation only separates words
                } else {
                    int cp = Character.codePointAt(f.chars, i, n);
                    int len = Character.charCount(cp);
                    if (isEmoji(cp)) {
                        int j = i + len;
                        // Skin-tone modifiers belong to the emoji before them.
                        while (j < n && isSkinTone(Character.codePointAt(f.chars, j, n))) j += 2;
                        emit(f.slice(i, j), Tokens.EMOJI, i, j, false);
                        i = j;
                    } else {
                        i += len; // any other punctuation only separates words
                    }
                }
            }
        }

        /**
         * The end of an initialism that starts at {@code i} ("U.S.", "D.N.C."): two or three single
         * letters each followed by a dot; {@code i} when there is none.
         */
        private int initialismEnd(int i) {
            if (isLetterOrDigit(f.at(i - 1))) return i;
            int j = i;
            int letters = 0;
            while (isAsciiLetter(f.at(j)) && f.at(j + 1) == '.' && letters < 4) {
                j += 2;
                letters++;
            }
            return letters >= 2 && letters <= 3 && !isLetterOrDigit(f.at(j)) ? j : i;
        }

        /** An initialism is one word, and its last dot ends no sentence; "U.S." is never the pronoun "us". */
        private void initialism(int from, int to) {
            StringBuilder sb = new StringBuilder(3);
            for (int k = from; k < to; k += 2) sb.append((char) (f.chars[k] | 0x20));
            String word = sb.toString();
            emit("us".equals(word) ? "usa" : word, Tokens.WORD, from, to, false);
        }

        /**
         * Does the handle from {@code from} to {@code to} name who wrote, passed on or is answered by
         * what follows ("RT @x:", "via @x", "@x: ...", the handles a reply opens with) rather than
         * someone the words are about? Judged on where it stands, never on who the handle is.
         */
        private boolean namesAuthor(int from, int to) {
            int k = to;
            while (k < f.length && f.chars[k] == ' ') k++;
            if (k < f.length && f.chars[k] == ':') return true;
            // The handles a reply opens with are who it answers, not what it says.
            if (raw.size == 0 || raw.kinds[raw.size - 1] == Tokens.MENTION) return true;
            if (raw.size >= 2 && ":".equals(raw.words[raw.size - 1]) && raw.kinds[raw.size - 2] == Tokens.MENTION) return true;
            if (pendingBreak) return false;
            int last = raw.size - 1;
            if (raw.ends[last] > from || from - raw.ends[last] > 2) return false;
            return isOneOf(ATTRIBUTIONS, f.lowerSlice(raw.starts[last], raw.ends[last]));
        }

        /** Does "so-called" or "so called" start at {@code i}, as words of their own? */
        private boolean soCalledAt(int i) {
            if (i + SO_CALLED.length() > f.length || isLetterOrDigit(f.at(i - 1)) || isLetterOrDigit(f.at(i + SO_CALLED.length()))) return false;
            for (int k = 0; k < SO_CALLED.length(); k++) {
                char c = (char) (f.chars[i + k] | 0x20);
                char want = SO_CALLED.charAt(k);
                if (c != want && !(want == '-' && (f.chars[i + k] == ' ' || f.chars[i + k] == '-'))) return false;
            }
            return true;
        }

        private int punctuationEntityEnd(int i) {
            for (String e : PUNCTUATION_ENTITIES) {
                int end = htmlEntityEnd(i, e);
                if (end > i) return end;
            }
            return i;
        }

        /** The end of the HTML entity {@code e} if it starts at {@code i}, or {@code i}. */
        private int htmlEntityEnd(int i, String e) {
            if (i + e.length() > f.length) return i;
            for (int k = 0; k < e.length(); k++) if (f.chars[i + k] != e.charAt(k)) return i;
            return i + e.length();
        }

        private void emit(String word, byte kind, int from, int to, boolean singleLetter) {
            if (singleLetter) {
                singles = true;
                int last = raw.size - 1;
                if (last >= 0 && raw.kinds[last] == SINGLE && from - raw.ends[last] == 1) spacedPair = true;
                raw.add(word, SINGLE, from, to, pendingBreak); // read once runs are merged
            } else if (kind != Tokens.WORD) {
                raw.add(word, kind, from, to, pendingBreak);
            } else {
                String w = canonical(word);
                int space = w.indexOf(' ');
                if (space < 0) {
                    raw.add(w, kind, from, to, pendingBreak);
                } else { // text-speak that stands for two words ("im")
                    raw.add(w.substring(0, space), kind, from, to, pendingBreak);
                    raw.add(w.substring(space + 1), kind, from, to, false);
                }
            }
            pendingBreak = false;
        }

        private int sentenceEnd(int i) {
            int j = i;
            boolean onlyDots = true;
            while (j < f.length && (f.chars[j] == '.' || f.chars[j] == '!' || f.chars[j] == '?')) {
                if (f.chars[j] != '.') onlyDots = false;
                j++;
            }
            boolean ellipsis = onlyDots && j - i >= 2;
            if (j - i == 1 && afterTitle(i)) return j;
            int k = j;
            while (k < f.length && (f.chars[k] == '"' || f.chars[k] == '\'' || f.chars[k] == ')')) k++;
            if (!ellipsis && (k >= f.length || isSpace(f.chars[k])) && !pendingBreak) {
                pendingBreak = true;
                oneWordRun = raw.size - sentenceFrom == 1 ? oneWordRun + 1 : 0;
                if (oneWordRun >= 3) claps = true;
                sentenceFrom = raw.size;
            }
            return j;
        }

        /** Does the dot at {@code i} end a title such as "Pres." or "Sen."? */
        private boolean afterTitle(int i) {
            int last = raw.size - 1;
            if (last < 0 || raw.ends[last] != i || i - raw.starts[last] > 6) return false;
            for (String title : TITLES) {
                if (sameLetters(raw.starts[last], i, title)) return true;
            }
            return false; // most sentences end here: no String is made for their last word
        }

        /** Are the folded chars from {@code from} to {@code to} the lower-case ASCII {@code word}, in either case? */
        private boolean sameLetters(int from, int to, String word) {
            if (to - from != word.length()) return false;
            for (int k = 0; k < word.length(); k++) {
                if ((f.chars[from + k] | 0x20) != word.charAt(k)) return false;
            }
            return true;
        }

        private int wordEnd(int i) {
            int j = i + 1;
            while (j < f.length) {
                char c = f.chars[j];
                char prev = f.chars[j - 1];
                char next = f.at(j + 1);
                boolean take;
                if (isLetterOrDigit(c)) {
                    take = true;
                } else if (c == '\'') {
                    take = isLetter(prev) && isLetter(next);
                } else if (c == '$') {
                    take = isLetter(prev) || prev == '$' || (isLetterOrDigit(prev) && isLetter(next)); // a$$et
                } else if (c == '@') {
                    take = isLetterOrDigit(prev) && isLetter(next);
                } else if (c == '!' || c == '|') {
                    take = isLetter(prev) && isLowerCase(next);
                } else {
                    take = false;
                }
                if (!take) break;
                j++;
            }
            return j;
        }

        /**
         * Reads the word that starts with the ASCII letter at {@code i}; returns where it ends. A run
         * of ASCII letters that nothing after it can extend is a plain word, read in that one scan.
         */
        private int readWord(int i) {
            int to = letterRun(i);
            if (to - i > 1 && (to == f.length || !continuesWord(f.chars[to]))) {
                plainWord(i, to);
                return to;
            }
            int j = wordEnd(i);
            word(i, j);
            return j;
        }

        /** Could {@link #wordEnd} take {@code c} after a letter? */
        private static boolean continuesWord(char c) {
            return isLetterOrDigit(c) || c == '\'' || c == '$' || c == '@' || c == '!' || c == '|';
        }

        /**
         * The end of the run of ASCII letters from {@code from}, with the run's lower-cased hash,
         * letters and shape in the run fields.
         */
        private int letterRun(int from) {
            char[] chars = f.chars;
            int n = f.length;
            boolean repeat = false;
            boolean upper = false;
            char prev = 0;
            int hash = 0;
            int high = 0;
            int low = 0;
            int letters = 0;
            int k = from;
            for (; k < n; k++) {
                char c = chars[k];
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                    upper = true;
                } else if (c < 'a' || c > 'z') {
                    break;
                }
                if (c == prev) {
                    repeat = true;
                } else {
                    hash = 31 * hash + c;
                    if (letters < Vocabulary.PACK_LETTERS / 2) high = high << 5 | (c - 'a' + 1);
                    else low = low << 5 | (c - 'a' + 1);
                    letters++;
                }
                prev = c;
            }
            if (letters == 1 && k - from == 3) { // "KKK", read as it is
                hash = (31 * 31 + 31 + 1) * prev;
                high = (high << 10) | (high << 5) | high;
                letters = 3;
                repeat = false;
            }
            runHash = hash;
            runHigh = letters <= Vocabulary.PACK_LETTERS ? high : Vocabulary.NOT_PACKED;
            runLow = letters <= Vocabulary.PACK_LETTERS ? low : Vocabulary.NOT_PACKED;
            runLetters = letters;
            runFirst = k > from ? (char) (chars[from] | 0x20) : 0;
            runLast = prev;
            runRepeat = repeat;
            runUpper = upper;
            return k;
        }

        private void word(int from, int to) {
            if (to - from > 1 && letterRun(from) == to) {
                plainWord(from, to);
                return;
            }
            char c = (char) (f.chars[from] | 0x20);
            if (to - from == 1 && c >= 'a' && c <= 'z') { // "a", "I": no String made for them
                emit(LETTERS[c - 'a'], Tokens.WORD, from, to, true);
                return;
            }
            String lower = f.lowerSlice(from, to);
            if (lower.length() == 1 && isLetter(lower.charAt(0))) {
                emit(lower, Tokens.WORD, from, to, true); // maybe part of "L e f t i s t s"
                return;
            }
            String speak = TEXT_SPEAK_MAP.get(lower);
            if (speak != null) {
                emit(speak, Tokens.WORD, from, to, false);
                return;
            }
            lower = unleet(lower);
            int apostrophe = lower.lastIndexOf('\'');
            if (apostrophe > 0) {
                contraction(lower, apostrophe, from, to);
                return;
            }
            String positive = NEGATIVE_CONTRACTION_MAP.get(lower);
            if (positive != null) {
                emit(positive, Tokens.WORD, from, to, false);
                emit("not", Tokens.WORD, from, to, false);
                return;
            }
            // Not text-speak (looked up above): only repeated letters are left to fold.
            raw.add(collapseRepeats(lower), Tokens.WORD, from, to, pendingBreak);
            pendingBreak = false;
        }

        /**
         * The common case, a word of ASCII letters (in any post: an emoji or a curly quote elsewhere
         * does not matter, as folded letters are letters), read by {@link #letterRun} with no copying:
         * it needs no leetspeak or contraction reading, only the text-speak and "dont"-style lookups
         * (short words, words ending in t) and the folding of repeated letters.
         */
        private void plainWord(int from, int to) {
            boolean repeat = runRepeat;
            boolean upper = runUpper;
            char prev = runLast;
            int hash = runHash; // String.hashCode of the lower-cased word with repeated letters read once
            int letters = runLetters; // its length
            char first = runFirst;
            int n = to - from;
            // Not "dont"-style, and not text-speak: only its id matters, no String is made. Text-speak
            // is words of 4 letters or fewer (one with a repeated letter needs the uncollapsed word to
            // tell) and contractions typed without the apostrophe, of 5 or 6 letters ("theyre").
            boolean maybeSpeak = n <= 4 && repeat || n <= 6 && !repeat && TEXT_SPEAK_ENDS[(first - 'a') * 26 + prev - 'a']
                    && TEXT_SPEAK_WORDS.get(f.chars, from, to, hash, runHigh, runLow) >= 0;
            // "dont"-style words end in "nt" and have 4 to 8 letters ("aint" to "shouldnt").
            boolean maybeContraction = prev == 't' && n >= 4 && n <= 8 && (f.chars[to - 2] | 0x20) == 'n';
            boolean onlyId = vocabulary != null && !maybeContraction && !maybeSpeak;
            int id = onlyId ? vocabulary.get(f.chars, from, to, hash, runHigh, runLow) : -1;
            // An unknown word that could be a slip of a list word keeps its String for the typo reader;
            // the others, most words of most posts, still make none.
            boolean typo = onlyId && id < 0 && vocabulary.typos != null && vocabulary.typos.mayCorrect(first, prev, letters);
            if (onlyId && id < 0 && !repeat && n >= 5 && prev == 'n' && f.chars[to - 2] == 'i') {
                // A dropped g ("blamin", "losin") is text-speak for the list's "-ing" word.
                String withG = f.lowerSlice(from, to) + "g";
                int gId = vocabulary.get(withG);
                if (gId >= 0) {
                    raw.addWithId(withG, gId, withG.hashCode(), Tokens.WORD, from, to, pendingBreak);
                    pendingBreak = false;
                    return;
                }
            }
            if (onlyId && !typo) {
                raw.addWithId(null, id, hash, Tokens.WORD, from, to, pendingBreak);
                pendingBreak = false;
                return;
            }
            String w = upper || !f.identity ? f.lowerSlice(from, to) : f.text.substring(from, to);
            if (typo) { // looked up already: only the typo reader is left to read it
                raw.addWithId(repeat ? collapseRepeats(w) : w, Tokens.NOT_LISTED, 0, Tokens.WORD, from, to, pendingBreak);
                pendingBreak = false;
                return;
            }
            String speak = n <= 6 ? TEXT_SPEAK_MAP.get(w) : null;
            if (speak != null) {
                emit(speak, Tokens.WORD, from, to, false);
                return;
            }
            String positive = maybeContraction ? NEGATIVE_CONTRACTION_MAP.get(w) : null;
            if (positive != null) {
                emit(positive, Tokens.WORD, from, to, false);
                emit("not", Tokens.WORD, from, to, false);
                return;
            }
            raw.add(repeat ? collapseRepeats(w) : w, Tokens.WORD, from, to, pendingBreak);
            pendingBreak = false;
        }

        private void contraction(String lower, int apostrophe, int from, int to) {
            String stem = lower.substring(0, apostrophe);
            String suffix = lower.substring(apostrophe + 1);
            if (suffix.equals("t") && stem.endsWith("n")) {
                String base = stem.substring(0, stem.length() - 1);
                if (base.equals("wo")) base = "will";
                else if (base.equals("ca")) base = "can";
                else if (base.equals("ai")) base = "is";
                else if (base.equals("sha")) base = "shall";
                emit(base, Tokens.WORD, from, to, false);
                emit("not", Tokens.WORD, from, to, false);
                return;
            }
            String second;
            switch (suffix) {
                // After a name "'s" is possessive or "is", both read as the bare name; after a pronoun
                // it can only be "is", and rebuttals need it: "it's a lie that ...", "that's false".
                case "s": second = isOneOf(PRONOUNS_BEFORE_IS, stem) ? "is" : null; break;
                case "re": second = "are"; break;
                case "m": second = "am"; break;
                case "ve": second = "have"; break;
                case "ll": second = "will"; break;
                case "d": second = "would"; break;
                default:
                    emit(stem + suffix, Tokens.WORD, from, to, false); // o'brien
                    return;
            }
            // "P u t i n's": a possessive on the last of spaced-out letters leaves a letter to join.
            emit(stem, Tokens.WORD, from, to, second == null && stem.length() == 1 && isLetter(stem.charAt(0)));
            if (second != null) emit(second, Tokens.WORD, from, to, false);
        }

        /** Splits #BernieBros into "bernie" and "bros"; #berniebros stays one word. */
        private void hashtag(int from, int to) {
            int pieceStart = from + 1;
            int tokenStart = from;
            for (int k = from + 2; k <= to; k++) {
                if (k == to || isCamelBoundary(k, pieceStart)) {
                    String piece = f.lowerSlice(pieceStart, k);
                    if (piece.indexOf('_') >= 0) piece = piece.replace("_", "");
                    if (!piece.isEmpty()) emit(piece, Tokens.WORD, tokenStart, k, false);
                    pieceStart = k;
                    tokenStart = k;
                }
            }
        }

        private boolean isCamelBoundary(int k, int pieceStart) {
            char prev = f.chars[k - 1];
            char c = f.chars[k];
            if (c == '_') return true;
            // "#NeoMcCarthyism": a piece that opens with "Mc" is one name.
            if (prev == 'c' && k - 2 == pieceStart && f.chars[pieceStart] == 'M') return false;
            if (isLowerCase(prev) && isUpperCase(c)) return true;
            if (isLetter(prev) && isDigit(c)) return true;
            if (isDigit(prev) && isLetter(c)) return true;
            // "BLMProtest": the last capital of a run starts the next word.
            return isUpperCase(prev) && isUpperCase(c) && isLowerCase(f.at(k + 1))
                    && k + 1 < f.length;
        }

        private boolean startsUrl(int i) {
            char c = f.chars[i];
            if (c != 'h' && c != 'H' && c != 'w' && c != 'W') return false; // most tokens, at once
            char d = f.at(i + 1); // "ht...", "ww...": most words that start with h or w fail here
            if (d < 0x80 && (d | 0x20) != 't' && (d | 0x20) != 'w') return false;
            return regionIs(i, "http://") || regionIs(i, "https://") || regionIs(i, "www.");
        }

        private boolean regionIs(int i, String prefix) {
            if (i + prefix.length() > f.length) return false;
            for (int k = 0; k < prefix.length(); k++) {
                if (Character.toLowerCase(f.chars[i + k]) != prefix.charAt(k)) return false;
            }
            return true;
        }
    }

    private static final String[] PRONOUNS_BEFORE_IS = {
        "it", "that", "this", "he", "she", "there", "here", "what", "who", "where", "how",
    };

    private static boolean isOneOf(String[] words, String word) {
        for (String w : words) {
            if (w.equals(word)) return true;
        }
        return false;
    }

    /** Reads digits and symbols inside a word as the letters they imitate: pr0gressives, raci$ts. */
    static String unleet(String lower) {
        if (allLetters(lower)) return lower; // the common case, decided in one scan
        int letters = 0;
        boolean leet = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (isLetter(c)) letters++;
            else if (leetLetter(c) != 0) leet = true;
        }
        boolean startsWithLetter = lower.length() > 0 && isLetter(lower.charAt(0));
        // "1st", "90s" and "2016" stay as they are.
        if (!leet || letters < 2 || (letters < 3 && !startsWithLetter)) return lower;
        char[] out = lower.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char l = leetLetter(out[i]);
            if (l != 0) out[i] = l;
        }
        return new String(out);
    }

    private static boolean allLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z')) return false;
        }
        return true;
    }

    private static char leetLetter(char c) {
        switch (c) {
            case '0': return 'o';
            case '1': return 'i';
            case '3': return 'e';
            case '4': return 'a';
            case '5': return 's';
            case '7': return 't';
            case '$': return 's';
            case '@': return 'a';
            case '!': return 'i';
            case '|': return 'l';
            default: return 0;
        }
    }

    // ASCII answered directly: TeaVM's Character methods go through Unicode tables, slow in JS.
    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    private static boolean isLetter(char c) {
        if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return Character.isLetter(c);
    }

    private static boolean isDigit(char c) {
        if (c < 0x80) return c >= '0' && c <= '9';
        return Character.isDigit(c);
    }

    static boolean isLetterOrDigit(char c) {
        if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return Character.isLetterOrDigit(c);
    }

    private static boolean isLowerCase(char c) {
        if (c < 0x80) return c >= 'a' && c <= 'z';
        return Character.isLowerCase(c);
    }

    private static boolean isUpperCase(char c) {
        if (c < 0x80) return c >= 'A' && c <= 'Z';
        return Character.isUpperCase(c);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u3000'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F';
    }

    private static boolean isHandleChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2190 && cp <= 0x2BFF) || cp == 0x00A9 || cp == 0x00AE
                || cp == 0x2122 || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
    }

    private static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }
}
