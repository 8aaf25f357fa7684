package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.List;
import org.wedgewatch.rules.Template.Part;

/** Parses one template, reporting each problem with its column. No regex: the grammar is tiny. */
final class TemplateParser {
    private final String src;
    private final int line;
    private final int baseColumn;
    private final Limits limits;
    private final List<Problem> problems;
    private int pos;
    private int partCount;

    private TemplateParser(String src, int line, int baseColumn, Limits limits, List<Problem> problems) {
        this.src = src;
        this.line = line;
        this.baseColumn = baseColumn;
        this.limits = limits;
        this.problems = problems;
    }

    /** Returns the template, or null after adding its problems. {@code column} is where src starts on its line. */
    static Template parse(String src, int line, int column, Limits limits, List<Problem> problems) {
        int before = problems.size();
        TemplateParser p = new TemplateParser(src, line, column, limits, problems);
        List<Part> parts = p.sequence(false);
        if (problems.size() == before && parts.isEmpty()) p.error(0, "the template is empty");
        if (problems.size() == before && partsAllGaps(parts)) p.error(0, "a template needs at least one word or group");
        if (problems.size() == before && p.partCount > limits.maxTemplateParts) {
            p.error(0, "the template has " + p.partCount + " parts; the limit is " + limits.maxTemplateParts);
        }
        if (problems.size() == before && !parts.isEmpty() && (edgeIsGap(parts, 0, 1) || edgeIsGap(parts, parts.size() - 1, -1))) {
            p.error(0, "a gap (*) must stand between words, not at the start or end (optional words before or after it may be left out)");
        }
        return problems.size() == before ? new Template(src, line, column, parts) : null;
    }

    /**
     * Whether the first part from {@code from} (stepping by {@code by}) that is not an optional
     * choice is a gap: the template can then start (or end) with one. A leading gap would make
     * every word of every post start a live match, for nothing: the match's other words decide.
     */
    private static boolean edgeIsGap(List<Part> parts, int from, int by) {
        for (int k = from; k >= 0 && k < parts.size(); k += by) {
            Part part = parts.get(k);
            if (part.kind == Part.CHOICE && part.optional) continue;
            return part.kind == Part.GAP;
        }
        return false;
    }

    private static boolean partsAllGaps(List<Part> parts) {
        for (Part part : parts) {
            if (part.kind != Part.GAP && part.kind != Part.BREAK) return false;
        }
        return true;
    }

    private List<Part> sequence(boolean inChoice) {
        List<Part> parts = new ArrayList<>();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (inChoice && (c == '|' || c == ')' || c == ']')) {
                return parts;
            } else if (c == '{') {
                Part g = group();
                if (g != null) parts.add(g);
            } else if (c == '(' || c == '[') {
                if (inChoice) {
                    error(pos, "choices cannot be nested; write the alternatives out in one ( ) or [ ]");
                    pos = src.length();
                    return parts;
                }
                Part ch = choice(c == '[');
                if (ch != null) parts.add(ch);
            } else if (c == '*') {
                Part gap = gap();
                if (gap != null) parts.add(gap);
            } else if (c == '?' || c == '/') {
                parts.add(sentenceBreak(c == '?'));
            } else if (c == '|' || c == ')' || c == ']' || c == '}') {
                error(pos, "'" + c + "' has no opening bracket before it");
                pos++;
            } else {
                Part w = word();
                if (w != null) parts.add(w);
            }
        }
        return parts;
    }

    private Part group() {
        int start = pos;
        int close = src.indexOf('}', pos);
        if (close < 0) {
            error(start, "'{' is never closed; write a group as {name}");
            pos = src.length();
            return null;
        }
        String name = src.substring(pos + 1, close).trim();
        pos = close + 1;
        if (!ListParser.isName(name)) {
            error(start, "'{" + name + "}' is not a group name; use letters, digits, '-' or '_'");
            return null;
        }
        partCount++;
        Part p = new Part(Part.GROUP, start);
        p.group = name;
        return p;
    }

    private Part choice(boolean optional) {
        int start = pos;
        char close = optional ? ']' : ')';
        pos++;
        Part p = new Part(Part.CHOICE, start);
        p.optional = optional;
        partCount++;
        while (true) {
            List<Part> alt = sequence(true);
            for (Part part : alt) {
                if (part.kind == Part.GAP) error(part.column, "a gap (*) cannot stand inside a choice");
            }
            if (alt.isEmpty()) error(pos, "an empty alternative; write words between the bars");
            p.alternatives.add(alt);
            if (pos >= src.length()) {
                error(start, "'" + src.charAt(start) + "' is never closed with '" + close + "'");
                return null;
            }
            char c = src.charAt(pos++);
            if (c == close) return p;
            if (c != '|') {
                error(pos - 1, "expected '|' or '" + close + "' but found '" + c + "'");
                return null;
            }
        }
    }

    private Part gap() {
        int start = pos++;
        int n = 3;
        if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            n = src.charAt(pos++) - '0';
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                n = n * 10 + (src.charAt(pos++) - '0');
            }
        }
        if (n < 1 || n > limits.maxGap) {
            error(start, "a gap may skip 1 to " + limits.maxGap + " words, not " + n);
            return null;
        }
        partCount++;
        Part p = new Part(Part.GAP, start);
        p.gap = n;
        return p;
    }

    /** {@code ?} stands for the end of a question, {@code /} for the end of any sentence. */
    private Part sentenceBreak(boolean question) {
        Part p = new Part(Part.BREAK, pos++);
        p.question = question;
        partCount++;
        return p;
    }

    private Part word() {
        int start = pos;
        while (pos < src.length() && !isSyntax(src.charAt(pos))) pos++;
        String text = src.substring(start, pos);
        String[] words = Normalizer.words(text);
        if (words.length == 0) {
            error(start, "'" + text + "' has no letters or digits to match");
            return null;
        }
        partCount += words.length;
        Part p = new Part(Part.WORDS, start);
        p.words = words;
        return p;
    }

    private static boolean isSyntax(char c) {
        return c == ' ' || c == '\t' || c == '{' || c == '}' || c == '(' || c == ')' || c == '[' || c == ']'
                || c == '|' || c == '*' || c == '?' || c == '/';
    }

    private void error(int offset, String message) {
        problems.add(new Problem(line, baseColumn + offset, message));
    }
}
