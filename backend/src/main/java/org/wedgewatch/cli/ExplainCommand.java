package org.wedgewatch.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wedgewatch.rules.Explanation;
import org.wedgewatch.rules.ListCompiler;
import org.wedgewatch.rules.Match;
import org.wedgewatch.rules.Matcher;
import org.wedgewatch.rules.PatternList;

/**
 * {@code explain --list FILE [TEXT]}: why one post gets its verdict, for maintainers fixing a miss
 * or a false alarm: the words the engine read, each rule that matched, each match a cue, an
 * exception or quotation marks cancelled, and for a post that did not match, the closest rule
 * and the word where it stopped. Reads the post from standard input when TEXT is not given.
 */
public final class ExplainCommand {
    private ExplainCommand() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        List<PatternList> lists = new ArrayList<>();
        StringBuilder text = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--list") && i + 1 < args.length) {
                try {
                    lists.add(ListFiles.load(Path.of(args[++i])));
                } catch (IOException e) {
                    err.println(e.getMessage());
                    return 2;
                }
            } else {
                text = text == null ? new StringBuilder(args[i]) : text.append(' ').append(args[i]);
            }
        }
        if (lists.isEmpty()) {
            err.println("usage: explain --list FILE [--list FILE]... [TEXT]   (TEXT from stdin when not given)");
            return 2;
        }
        String post = text != null ? text.toString() : readAll(in);
        Matcher matcher = ListCompiler.compile(lists);
        print(matcher.explain(post), out);
        return 0;
    }

    static void print(Explanation why, PrintStream out) {
        out.println("words: " + String.join(" ", why.tokens));
        out.println("verdict: " + (why.matches.isEmpty() ? "pass" : "warn"));
        for (Match m : why.matches) {
            out.println("matched: " + m.listId + "/" + m.ruleId + " (" + m.family + ") on characters " + m.start + "-" + m.end);
        }
        for (Explanation.Cancelled c : why.cancelled) {
            String rule = c.match.listId + "/" + c.match.ruleId;
            if (c.place.equals("quoted")) {
                out.println("cancelled: " + rule + ": the claim stands inside quotation marks (quoted, not made)");
            } else if (c.place.equals("asked")) {
                out.println("cancelled: " + rule + ": the claim is echoed as a question (\"X did Y? ...\"), which doubts it");
            } else {
                out.println("cancelled: " + rule + ": by '" + c.by + "' (" + c.place + " the match, on \"" + c.words + "\")");
            }
        }
        if (why.confirmedBy != null) out.println("endorsed: \"" + why.confirmedBy + "\" keeps a reported claim warned");
        if (why.matches.isEmpty() && why.cancelled.isEmpty()) {
            if (why.closestRule == null) {
                out.println("closest: no rule began to match");
            } else {
                out.println("closest: " + why.closestRule + " matched \"" + why.closestMatched + "\" and stopped at '"
                        + why.stoppedAt + "'");
            }
        }
    }

    private static String readAll(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(line);
            }
        }
        return sb.toString();
    }
}
