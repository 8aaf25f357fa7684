package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed template such as {@code {left} are [the] (real|actual) racists}: words, {group}
 * references, (required|choices), [optional|choices] and bounded gaps (* or *N).
 */
public final class Template {
    public final String source;
    public final int line;
    public final int column;
    final List<Part> parts;

    Template(String source, int line, int column, List<Part> parts) {
        this.source = source;
        this.line = line;
        this.column = column;
        this.parts = parts;
    }

    /** One element of a template. */
    static final class Part {
        static final int WORDS = 0;
        static final int GROUP = 1;
        static final int CHOICE = 2;
        static final int GAP = 3;
        static final int BREAK = 4;

        final int kind;
        final int column;
        String[] words;
        String group;
        boolean optional;
        int gap;
        /** For a BREAK: only the end of a question ("?"), or the end of any sentence ("/"). */
        boolean question;
        final List<List<Part>> alternatives = new ArrayList<>();

        Part(int kind, int column) {
            this.kind = kind;
            this.column = column;
        }
    }
}
