package org.wedgewatch.server.console;

import java.util.ArrayList;
import java.util.List;

/** Edits to a list's text that the console makes for the maintainer: a new version number, an example added to a rule. */
final class Drafts {
    private Drafts() {
    }

    /** The text with its "! Version:" header set to version (added after the "! Id:" line when missing). */
    static String withVersion(String text, long version) {
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("! Version:")) {
                lines.set(i, "! Version: " + version);
                return join(lines, text);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("! Id:")) {
                lines.add(i + 1, "! Version: " + version);
                return join(lines, text);
            }
        }
        lines.add(0, "! Version: " + version);
        return join(lines, text);
    }

    /**
     * The text with "  KIND: EXAMPLE" as the last line of rule ruleId (after its last indented
     * line), or null when the text has no such rule. The example is made one line.
     */
    static String withExample(String text, String ruleId, String kind, String example) {
        List<String> lines = lines(text);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("rule " + ruleId) && !lines.get(i).startsWith(" ")) {
                start = i;
                break;
            }
        }
        if (start < 0) return null;
        int last = start;
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) continue;
            if (!Character.isWhitespace(l.charAt(0))) break;
            last = i;
        }
        String indent = last == start ? "  " : lines.get(last).substring(0, indentOf(lines.get(last)));
        lines.add(last + 1, indent + kind + ": " + oneLine(example));
        return join(lines, text);
    }

    /** The line number (1-based) of the example withExample added, for the editor to point at. */
    static int addedLine(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        for (int i = 0; i < b.size(); i++) if (i >= a.size() || !a.get(i).equals(b.get(i))) return i + 1;
        return b.size();
    }

    static String oneLine(String s) {
        StringBuilder b = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = b.length() > 0;
                continue;
            }
            if (space) b.append(' ');
            space = false;
            b.append(c);
        }
        return b.toString();
    }

    private static int indentOf(String l) {
        int n = 0;
        while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) n++;
        return n;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        return out;
    }

    private static String join(List<String> lines, String original) {
        return String.join(original.contains("\r\n") ? "\r\n" : "\n", lines);
    }
}
