package org.wedgewatch.server.web;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link LineDiff} as a unified table, or side by side, with changes named in words for screen readers. */
public final class DiffView {
    /** Lines of context kept around each change in the unified view. */
    private static final int CONTEXT = 3;

    private DiffView() {
    }

    public static void unified(Html h, Lang lang, List<LineDiff.Line> diff, String caption) {
        if (!LineDiff.changed(diff)) {
            h.raw("<p>").text(lang.t("diff.none")).raw("</p>");
            return;
        }
        h.raw("<table class=\"diff\"><caption>").text(caption).raw("</caption><thead><tr><th scope=\"col\">")
                .text(lang.t("diff.old")).raw("</th><th scope=\"col\">").text(lang.t("diff.new"))
                .raw("</th><th scope=\"col\">").text(lang.t("diff.line")).raw("</th></tr></thead><tbody>");
        boolean[] keep = new boolean[diff.size()];
        for (int i = 0; i < diff.size(); i++) {
            if (diff.get(i).kind() == LineDiff.Kind.SAME) continue;
            for (int k = Math.max(0, i - CONTEXT); k <= Math.min(diff.size() - 1, i + CONTEXT); k++) keep[k] = true;
        }
        boolean gap = false;
        for (int i = 0; i < diff.size(); i++) {
            if (!keep[i]) {
                gap = true;
                continue;
            }
            if (gap) h.raw("<tr class=\"gap\"><td></td><td></td><td>…</td></tr>");
            gap = false;
            LineDiff.Line l = diff.get(i);
            String cls = switch (l.kind()) {
                case SAME -> "same";
                case REMOVED -> "removed";
                case ADDED -> "added";
            };
            h.raw("<tr class=\"").raw(cls).raw("\"><td>").raw(l.oldNumber() > 0 ? Integer.toString(l.oldNumber()) : "")
                    .raw("</td><td>").raw(l.newNumber() > 0 ? Integer.toString(l.newNumber()) : "").raw("</td><td><code>");
            if (l.kind() != LineDiff.Kind.SAME) {
                h.raw("<span class=\"mark\">").text(l.kind() == LineDiff.Kind.ADDED ? "+ " : "− ").raw("</span>")
                        .raw("<span class=\"sr\">").text(lang.t(l.kind() == LineDiff.Kind.ADDED ? "diff.added" : "diff.removed"))
                        .raw(" </span>");
            }
            h.text(l.text()).raw("</code></td></tr>");
        }
        h.raw("</tbody></table>");
    }

    /** Old on the left, new on the right; a run of removed lines faces the run of added lines after it. */
    public static void sideBySide(Html h, Lang lang, List<LineDiff.Line> diff, String leftTitle, String rightTitle) {
        h.raw("<table class=\"diff side\"><thead><tr><th scope=\"col\" colspan=\"2\">").text(leftTitle)
                .raw("</th><th scope=\"col\" colspan=\"2\">").text(rightTitle).raw("</th></tr></thead><tbody>");
        int i = 0;
        while (i < diff.size()) {
            LineDiff.Line l = diff.get(i);
            if (l.kind() == LineDiff.Kind.SAME) {
                row(h, lang, l, l);
                i++;
                continue;
            }
            List<LineDiff.Line> removed = new ArrayList<>();
            List<LineDiff.Line> added = new ArrayList<>();
            while (i < diff.size() && diff.get(i).kind() == LineDiff.Kind.REMOVED) removed.add(diff.get(i++));
            while (i < diff.size() && diff.get(i).kind() == LineDiff.Kind.ADDED) added.add(diff.get(i++));
            for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
                row(h, lang, k < removed.size() ? removed.get(k) : null, k < added.size() ? added.get(k) : null);
            }
        }
        h.raw("</tbody></table>");
    }

    private static void row(Html h, Lang lang, LineDiff.Line left, LineDiff.Line right) {
        h.raw("<tr>");
        cell(h, lang, left, true);
        cell(h, lang, right, false);
        h.raw("</tr>");
    }

    private static void cell(Html h, Lang lang, LineDiff.Line l, boolean left) {
        if (l == null) {
            h.raw("<td></td><td class=\"empty\"></td>");
            return;
        }
        int n = left ? l.oldNumber() : l.newNumber();
        String cls = l.kind() == LineDiff.Kind.SAME ? "same" : left ? "removed" : "added";
        h.raw("<td>").raw(Integer.toString(n)).raw("</td><td class=\"").raw(cls).raw("\"><code>");
        if (l.kind() != LineDiff.Kind.SAME) {
            h.raw("<span class=\"sr\">").text(lang.t(left ? "diff.removed" : "diff.added")).raw(" </span>");
        }
        h.text(l.text()).raw("</code></td>");
    }
}
