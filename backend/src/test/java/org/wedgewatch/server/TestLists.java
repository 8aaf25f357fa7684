package org.wedgewatch.server;

/** List texts for tests: valid lists at any version, and big or hostile ones. */
final class TestLists {
    private TestLists() {
    }

    static String valid(String id, long version) {
        return String.join("\n",
                "! Title: Test list " + id,
                "! Id: " + id,
                "! Description: A list the tests publish.",
                "! Version: " + version,
                "! Expires: 6 hours",
                "",
                "group left: leftists, progressives, the left",
                "",
                "rule real-racists",
                "  family: F2 real racists",
                "  explain: Calling one part of the left the real racists turns allies against each other.",
                "  match: {left} are the (real|actual) racists",
                "  warn: Progressives are the real racists.",
                "  pass: Republicans are the real racists.",
                "");
    }

    /** A valid list padded with comment lines to about the given size. */
    static String big(String id, long version, int bytes) {
        StringBuilder sb = new StringBuilder(valid(id, version));
        while (sb.length() < bytes) sb.append("! padding line ").append(sb.length()).append(" of a big list\n");
        return sb.toString();
    }

    /** Four references to a 500-term group in one template: billions of phrases before the limit stops it. */
    static String explosive(String id) {
        StringBuilder terms = new StringBuilder();
        for (int i = 0; i < 500; i++) terms.append(i == 0 ? "" : ", ").append("term").append(word(i));
        return String.join("\n",
                "! Title: Explosive",
                "! Id: " + id,
                "! Version: 1",
                "",
                "group many: " + terms,
                "",
                "rule boom",
                "  family: F0 boom",
                "  explain: Expands combinatorially.",
                "  match: {many} (a|b|c|d|e|f|g|h|i|j) *5 (a|b|c|d|e|f|g|h|i|j) *5 (a|b|c|d|e|f|g|h|i|j)",
                "");
    }

    /** Letters only, so the term is one word after normalization (no digits that leetspeak could fold). */
    private static String word(int i) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return s.toString();
    }
}
