package org.wedgewatch.server.console;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import org.wedgewatch.server.ListStore;
import org.wedgewatch.server.StoredVersion;
import org.wedgewatch.server.web.DiffView;
import org.wedgewatch.server.web.Html;
import org.wedgewatch.server.web.Lang;
import org.wedgewatch.server.web.Layout;
import org.wedgewatch.server.web.LineDiff;
import org.wedgewatch.server.web.PageError;
import org.wedgewatch.server.web.VersionPicker;

/** Every version of a list, any two side by side, and any old one restored as the next version (through the editor). */
final class History {
    private final Console console;

    History(Console console) {
        this.console = console;
    }

    void show(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        Session s = console.require(ctx);
        StoredVersion current = console.ownList(ctx, s, lang);
        List<ListStore.HistoryEntry> entries = console.services.store.history(current.listId());
        long right = pick(ctx.queryParam("right"), current.version(), lang);
        long left = pick(ctx.queryParam("left"), entries.size() > 1 ? entries.get(1).version() : current.version(), lang);
        Html h = new Html();
        Console.menu(h, lang, s, current);
        h.raw("<h1>").text(lang.t("history.consoleTitle", current.title())).raw("</h1>")
                .raw("<table class=\"history\"><caption class=\"sr\">").text(lang.t("history.title")).raw("</caption><thead><tr>")
                .raw("<th scope=\"col\">").text(lang.t("fact.version")).raw("</th><th scope=\"col\">").text(lang.t("history.published"))
                .raw("</th><th scope=\"col\">").text(lang.t("history.by")).raw("</th><th scope=\"col\">")
                .text(lang.t("history.restoreHeading")).raw("</th></tr></thead><tbody>");
        for (ListStore.HistoryEntry e : entries) {
            h.raw("<tr><td>").raw(Long.toString(e.version())).raw("</td><td>").text(Layout.when(e.publishedAt())).raw("</td><td>")
                    .text(e.publishedBy()).raw("</td><td>");
            if (e.version() != current.version()) {
                h.raw("<a href=\"/console/lists/").text(current.listId()).raw("/edit?from=").raw(Long.toString(e.version()))
                        .raw("\">").text(lang.t("history.restore", e.version())).raw("</a>");
            } else {
                h.text(lang.t("history.current"));
            }
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table><form method=\"get\" class=\"compare\"><fieldset><legend>").text(lang.t("history.compare"))
                .raw("</legend>");
        VersionPicker.select(h, lang.t("history.left"), "left", entries, left);
        VersionPicker.select(h, lang.t("history.right"), "right", entries, right);
        h.raw("<button type=\"submit\">").text(lang.t("history.show")).raw("</button></fieldset></form>");
        StoredVersion a = version(current.listId(), left, lang);
        StoredVersion b = version(current.listId(), right, lang);
        DiffView.sideBySide(h, lang, LineDiff.of(a.body(), b.body()), lang.t("history.versionN", left),
                lang.t("history.versionN", right));
        Layout.send(ctx, 200, lang, lang.t("history.consoleTitle", current.title()), s.group(), h);
    }

    private StoredVersion version(String id, long n, Lang lang) throws SQLException {
        return console.services.store.version(id, n).orElseThrow(() -> new PageError(404, lang.t("error.noVersion", id, n)));
    }

    private static long pick(String param, long fallback, Lang lang) {
        return param == null ? fallback : Editor.parseVersion(param, lang);
    }
}
