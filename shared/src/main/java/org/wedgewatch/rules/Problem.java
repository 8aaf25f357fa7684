package org.wedgewatch.rules;

/** One problem found in a list: where it is (1-based line and column) and what a maintainer should fix. */
public final class Problem {
    public final int line;
    public final int column;
    public final String message;

    public Problem(int line, int column, String message) {
        this.line = line;
        this.column = column;
        this.message = message;
    }

    /** The `LINE:COL: message` form that editors and CI logs understand. */
    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }
}
