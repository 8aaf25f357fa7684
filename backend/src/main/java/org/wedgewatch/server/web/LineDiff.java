package org.wedgewatch.server.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two texts, line by line: a longest common subsequence over the lines
 * between the common head and tail. When that middle is too big for the table (more than
 * {@link #MAX_CELLS} line pairs) it is shown as removed and added whole, never slowly.
 */
public final class LineDiff {
    static final long MAX_CELLS = 1_000_000;

    public enum Kind { SAME, REMOVED, ADDED }

    /** One line of the difference; a line number is 0 on the side the line is not on. */
    public record Line(Kind kind, int oldNumber, int newNumber, String text) {
    }

    private LineDiff() {
    }

    public static List<Line> of(String oldText, String newText) {
        String[] a = lines(oldText);
        String[] b = lines(newText);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) head++;
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) tail++;
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < head; i++) out.add(new Line(Kind.SAME, i + 1, i + 1, a[i]));
        middle(a, head, a.length - tail, b, head, b.length - tail, out);
        for (int i = tail; i > 0; i--) {
            out.add(new Line(Kind.SAME, a.length - i + 1, b.length - i + 1, a[a.length - i]));
        }
        return out;
    }

    private static void middle(String[] a, int a0, int a1, String[] b, int b0, int b1, List<Line> out) {
        int n = a1 - a0;
        int m = b1 - b0;
        if ((long) n * m > MAX_CELLS || n == 0 || m == 0) {
            for (int i = a0; i < a1; i++) out.add(new Line(Kind.REMOVED, i + 1, 0, a[i]));
            for (int j = b0; j < b1; j++) out.add(new Line(Kind.ADDED, 0, j + 1, b[j]));
            return;
        }
        // lcs[i][j]: longest common subsequence of a[a0+i..a1) and b[b0+j..b1)
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[a0 + i].equals(b[b0 + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[a0 + i].equals(b[b0 + j])) {
                out.add(new Line(Kind.SAME, a0 + i + 1, b0 + j + 1, a[a0 + i]));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line(Kind.REMOVED, a0 + i + 1, 0, a[a0 + i]));
                i++;
            } else {
                out.add(new Line(Kind.ADDED, 0, b0 + j + 1, b[b0 + j]));
                j++;
            }
        }
    }

    static String[] lines(String text) {
        if (text.isEmpty()) return new String[0];
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                out.add(stripCr(text.substring(from, k)));
                from = k + 1;
            }
        }
        if (from < text.length()) out.add(stripCr(text.substring(from)));
        return out.toArray(new String[0]);
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    public static boolean changed(List<Line> diff) {
        for (Line l : diff) if (l.kind() != Kind.SAME) return true;
        return false;
    }
}
