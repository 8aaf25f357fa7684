package org.wedgewatch.rules;

/**
 * Reads the punctuation that normalizing drops but a verdict needs: which words stand inside
 * quotation marks (a quoted claim is reported, not made) and which sentences were questions.
 */
final class Quotes {
    private Quotes() {
    }

    /** For each token, whether it stands inside a pair of quotation marks; null when none are paired. */
    static boolean[] quotedTokens(Tokens t) {
        String text = t.text;
        if (text == null || !t.mayQuote) return null;
        int[] depth = null;
        int openDouble = -1;
        int openSingle = -1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && c != '"' && c != '\'') continue; // all other ASCII, at once
            if (isDouble(c)) {
                if (openDouble < 0) {
                    openDouble = i;
                } else {
                    depth = mark(depth, n, openDouble, i);
                    openDouble = -1;
                }
            } else if (isSingle(c)) {
                boolean letterBefore = i > 0 && Normalizer.isLetterOrDigit(text.charAt(i - 1));
                boolean letterAfter = i + 1 < n && Normalizer.isLetterOrDigit(text.charAt(i + 1));
                if (letterBefore && letterAfter) continue; // an apostrophe: don't, Putin's
                if (openSingle < 0 && !letterBefore && letterAfter) {
                    openSingle = i;
                } else if (openSingle >= 0 && !letterAfter) {
                    depth = mark(depth, n, openSingle, i);
                    openSingle = -1;
                }
            }
        }
        if (depth == null) return null;
        for (int i = 1; i <= n; i++) depth[i] += depth[i - 1];
        if (nothingButQuotes(text, depth)) return null; // a shared headline or slogan: the poster's own post
        boolean[] quoted = new boolean[t.size];
        for (int k = 0; k < t.size; k++) quoted[k] = depth[t.starts[k]] > 0;
        return quoted;
    }

    /**
     * True when every letter outside the quotation marks belongs to a link, a handle, a hashtag or
     * a leading "RT": the post is the quote and nothing of the poster's frames it, as when a
     * headline is shared. An emoji or any word of the poster's own is a frame (an eye-roll mocks).
     */
    private static boolean nothingButQuotes(String text, int[] depth) {
        boolean skipping = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth[i] > 0) continue;
            if (c <= ' ' || c == '\u00A0') {
                skipping = false;
            } else if (c == '#' || c == '@' || c == 'h' && text.startsWith("http", i) || c == 'R' && i == 0 && text.startsWith("RT ")) {
                skipping = true;
            } else if (!skipping && (Normalizer.isLetterOrDigit(c) || c > 0x2000 && !isDouble(c) && !isSingle(c) && c != '\u2026')) {
                return false;
            }
        }
        return true;
    }

    private static int[] mark(int[] depth, int n, int open, int close) {
        int[] d = depth != null ? depth : new int[n + 1];
        d[open + 1]++;
        d[close]--;
        return d;
    }

    /** Did the sentence that ends before token {@code next} (or at the end) end with a question mark? */
    static boolean questionBefore(Tokens t, int next) {
        if (t.text == null) return false;
        int from = next > 0 ? t.ends[next - 1] : 0;
        int to = next < t.size ? t.starts[next] : t.text.length();
        for (int i = from; i < to; i++) {
            char c = t.text.charAt(i);
            if (c == '?' || c == '\uFF1F') return true;
        }
        return false;
    }

    private static boolean isDouble(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u00AB' || c == '\u00BB' || c == '\uFF02';
    }

    private static boolean isSingle(char c) {
        return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u2039' || c == '\u203A';
    }
}
