package org.wedgewatch.rules;

/** English singular and plural of one word, enough for group terms (leftist/leftists, party/parties). */
final class Plurals {
    private Plurals() {
    }

    /** The other number of {@code w}, or null when there is none worth adding. */
    static String otherNumber(String w) {
        int n = w.length();
        // Short words are function words or acronyms: "her" must not become "hers".
        if (n < 4 || !Character.isLetter(w.charAt(n - 1))) return null;
        if (w.endsWith("ies") && n > 4) return w.substring(0, n - 3) + "y";
        if (w.endsWith("ses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) return w.substring(0, n - 2);
        if (w.endsWith("s") && !w.endsWith("us") && !w.endsWith("is")) return w.substring(0, n - 1);
        if (w.endsWith("y") && !isVowel(w.charAt(n - 2))) return w.substring(0, n - 1) + "ies";
        if (w.endsWith("x") || w.endsWith("ch") || w.endsWith("sh") || w.endsWith("s")) return w + "es";
        return w + "s";
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
