package org.wedgewatch.rules;

import java.util.Collections;
import java.util.List;

/** The outcome of parsing a list: the list when there were no problems, otherwise every problem found. */
public final class ParseResult {
    private final PatternList list;
    private final List<Problem> problems;

    ParseResult(PatternList list, List<Problem> problems) {
        this.list = problems.isEmpty() ? list : null; // nothing half-loaded
        this.problems = Collections.unmodifiableList(problems);
    }

    public boolean ok() { return problems.isEmpty(); }
    /** The parsed list, or null when there were problems. */
    public PatternList list() { return list; }
    public List<Problem> problems() { return problems; }
}
