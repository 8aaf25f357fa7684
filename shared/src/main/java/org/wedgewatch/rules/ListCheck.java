package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.List;

/** What `check` reports for a list text: its parse problems, or its failing examples, by line and column. */
public final class ListCheck {
    private ListCheck() {
    }

    public static List<Problem> problems(String text) {
        return problems(ListParser.parse(text));
    }

    /** The same for a list already parsed (a server parses with its own limits). */
    public static List<Problem> problems(ParseResult r) {
        return problems(r, RebuttalCues.list());
    }

    /** The same with the built-in cues given (see {@link ListCompiler#builtInCues}). */
    public static List<Problem> problems(ParseResult r, PatternList cues) {
        List<Problem> problems = new ArrayList<>(r.problems());
        if (r.ok()) problems.addAll(ExampleChecker.check(r.list(), cues));
        problems.sort((a, b) -> a.line != b.line ? Integer.compare(a.line, b.line) : Integer.compare(a.column, b.column));
        return problems;
    }
}
