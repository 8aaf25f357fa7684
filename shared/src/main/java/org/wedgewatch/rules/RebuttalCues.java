package org.wedgewatch.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The built-in rebuttal cues ("the lie that ...", "stop retweeting posts that say ...", "... is a
 * lie"), every list and every user's own rules get them. They are a list in the list format,
 * {@code rebuttal-cues.txt} next to this class: data, like any list. The JVM reads it from the
 * classpath; the browser engine is handed its text (see {@link ListCompiler#compile(java.util.List,
 * java.util.Set, PatternList)}), so this class is not part of the browser bundle.
 */
final class RebuttalCues {
    private RebuttalCues() {
    }

    /** The resource that holds the cues. */
    static final String RESOURCE = "rebuttal-cues.txt";

    /** The cue rule whose wordings deny a denial: after them, "isn't" and "didn't" assert. */
    static final String DENIAL = "denial";

    private static PatternList list;

    /** The parsed cues; a problem here is a bug in the cue file, caught by its test. */
    static synchronized PatternList list() {
        if (list == null) list = parse(text());
        return list;
    }

    /** Parses a cue text; the caller's text must be the cue file's. */
    static PatternList parse(String text) {
        ParseResult r = ListParser.parse(text);
        if (!r.ok()) throw new IllegalStateException("built-in rebuttal cues: " + r.problems().get(0));
        return r.list();
    }

    /** The cue file's text. */
    static String text() {
        try (InputStream in = RebuttalCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("built-in rebuttal cues: " + RESOURCE + " is not on the classpath");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
            return new String(out.toByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("built-in rebuttal cues: " + e.getMessage(), e);
        }
    }
}
