package org.wedgewatch.server.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.wedgewatch.rules.Limits;
import org.wedgewatch.rules.ListCompiler;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.Match;
import org.wedgewatch.rules.ParseResult;
import org.wedgewatch.rules.Problem;
import org.wedgewatch.server.ApiError;
import org.wedgewatch.server.Reports;
import org.wedgewatch.server.Services;
import org.wedgewatch.server.StoredVersion;
import org.wedgewatch.server.web.DiffView;
import org.wedgewatch.server.web.Html;
import org.wedgewatch.server.web.Lang;
import org.wedgewatch.server.web.Layout;
import org.wedgewatch.server.web.LineDiff;
import org.wedgewatch.server.web.PageError;

/**
 * Edit and publish: the list text with live problems and a "try a post" box (console.js, on the
 * TeaVM engine), the difference from the published version, and publishing from the version it
 * was based on. Without JavaScript, "Check" asks the server, which runs the same engine (shared/).
 */
final class Editor {
    private final Console console;

    Editor(Console console) {
        this.console = console;
    }

    /** A message above the editor: its text and whether it is an error. */
    private record Notice(String text, boolean error) {
    }

    /** GET: the published text as a draft of the next version; ?from=N restores version N; ?report=ID&as=pass|warn adds an example. */
    void edit(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        Session s = console.require(ctx);
        StoredVersion current = console.ownList(ctx, s, lang);
        String draft = current.body();
        String reportId = null;
        Notice notice = null;
        int focusLine = 0;
        String published = ctx.queryParam("published");
        if (published != null && published.equals(Long.toString(current.version()))) {
            notice = new Notice(lang.t("editor.published", current.version()), false);
        }
        String from = ctx.queryParam("from");
        if (from != null) {
            StoredVersion old = console.services.store.version(current.listId(), parseVersion(from, lang))
                    .orElseThrow(() -> new PageError(404, lang.t("error.noVersion", current.listId(), from)));
            draft = old.body();
            notice = new Notice(lang.t("editor.restoring", old.version(), current.version() + 1), false);
        }
        String report = ctx.queryParam("report");
        if (report != null) {
            String kind = "warn".equals(ctx.queryParam("as")) ? "warn" : "pass";
            Reports.Report r = findReport(current.listId(), report)
                    .orElseThrow(() -> new PageError(404, lang.t("inbox.noReport")));
            if (r.text() == null || r.text().isBlank()) throw new PageError(400, lang.t("inbox.noText"));
            String withExample = Drafts.withExample(draft, r.rule(), kind, r.text());
            if (withExample == null) {
                notice = new Notice(lang.t("editor.noRule", r.rule()), true);
            } else {
                focusLine = Drafts.addedLine(draft, withExample);
                draft = withExample;
                reportId = r.id();
                notice = new Notice(lang.t("editor.exampleAdded", kind, r.rule(), focusLine), false);
            }
        }
        draft = Drafts.withVersion(draft, current.version() + 1);
        page(ctx, lang, s, current, draft, current.version(), reportId, notice, List.of(), focusLine, 200);
    }

    private Optional<Reports.Report> findReport(String listId, String id) throws SQLException {
        for (Reports.Report r : console.services.reports.forList(listId, 1000)) if (r.id().equals(id)) return Optional.of(r);
        return Optional.empty();
    }

    /** POST: "check" shows problems and the difference; "publish" publishes from the base version. */
    void submit(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        Session s = console.guard(ctx, lang);
        StoredVersion current = console.ownList(ctx, s, lang);
        String text = ctx.formParam("text");
        if (text == null) throw new PageError(400, lang.t("editor.noText"));
        text = text.replace("\r\n", "\n");
        long base = parseVersion(ctx.formParam("base"), lang);
        String reportId = blankToNull(ctx.formParam("report"));
        if (!"publish".equals(ctx.formParam("action"))) {
            List<Problem> problems = Services.problems(current.listId(), text, console.services.config.maxListBytes);
            Notice n = problems.isEmpty() ? new Notice(lang.t("editor.noProblems"), false) : null;
            String post = ctx.formParam("post");
            page(ctx, lang, s, current, text, base, reportId, n, problems, 0, 200, post == null ? "" : post);
            return;
        }
        try {
            StoredVersion stored = console.services.publish(s.publisher(), current.listId(), text, base);
            if (reportId != null) console.reviews.set(current.listId(), reportId, ReportReviews.REVIEWED, s);
            ctx.redirect("/console/lists/" + current.listId() + "/edit?published=" + stored.version(), HttpStatus.SEE_OTHER);
        } catch (ApiError e) {
            if (e.status == 412) {
                // Someone published since this draft was made: keep the draft, say what changed, and
                // let the maintainer publish on top of the new version once they have looked.
                StoredVersion now = console.services.cache.get(current.listId()).map(r -> r.stored).orElse(current);
                Notice n = new Notice(lang.t("editor.conflict", base, now.version(), now.publishedBy()), true);
                String rebased = Drafts.withVersion(text, now.version() + 1);
                page(ctx, lang, s, now, rebased, now.version(), reportId, n, List.of(), 0, 409);
            } else {
                Notice n = new Notice(lang.t("editor.refused", e.getMessage()), true);
                page(ctx, lang, s, current, text, base, reportId, n, e.problems, 0, e.status);
            }
        }
    }

    private void page(Context ctx, Lang lang, Session s, StoredVersion current, String draft, long base, String reportId,
                      Notice notice, List<Problem> problems, int focusLine, int status) {
        page(ctx, lang, s, current, draft, base, reportId, notice, problems, focusLine, status, "");
    }

    private void page(Context ctx, Lang lang, Session s, StoredVersion current, String draft, long base, String reportId,
                      Notice notice, List<Problem> problems, int focusLine, int status, String post) {
        Html h = new Html();
        Console.menu(h, lang, s, current);
        h.raw("<h1>").text(lang.t("editor.title", current.title())).raw("</h1>");
        if (notice != null) {
            h.raw("<p class=\"").raw(notice.error ? "error" : "notice").raw("\" role=\"").raw(notice.error ? "alert" : "status")
                    .raw("\">").text(notice.text).raw("</p>");
        }
        h.raw("<form method=\"post\" class=\"editor\" action=\"/console/lists/").text(current.listId()).raw("/edit\">");
        Console.csrfField(h, s);
        h.raw("<input type=\"hidden\" name=\"base\" value=\"").raw(Long.toString(base)).raw("\">");
        if (reportId != null) h.raw("<input type=\"hidden\" name=\"report\" value=\"").text(reportId).raw("\">");
        h.raw("<div class=\"panes\"><div class=\"pane\"><label for=\"list-text\">").text(lang.t("editor.text", base))
                .raw("</label><textarea id=\"list-text\" name=\"text\" rows=\"28\" spellcheck=\"false\" ")
                .raw("aria-describedby=\"problems-heading\" data-focus-line=\"").raw(Integer.toString(focusLine)).raw("\">")
                .text(draft).raw("</textarea>")
                .raw("<p class=\"cursor\" id=\"cursor\" aria-hidden=\"true\"></p>")
                .raw("<h2 id=\"problems-heading\">").text(lang.t("editor.problems")).raw("</h2>")
                .raw("<div id=\"problems\" role=\"status\" aria-live=\"polite\" data-none=\"").text(lang.t("editor.noProblems"))
                .raw("\" data-engine-missing=\"").text(lang.t("editor.engineMissing")).raw("\">");
        problemList(h, lang, problems);
        h.raw("</div></div><div class=\"pane\"><h2>").text(lang.t("try.title")).raw("</h2><label for=\"try-post\">")
                .text(lang.t("try.label")).raw("</label><textarea id=\"try-post\" name=\"post\" rows=\"4\">").text(post)
                .raw("</textarea><div id=\"try-result\" aria-live=\"polite\" data-texts=\"").text(tryTexts(lang)).raw("\">");
        verdict(h, lang, draft, post);
        h.raw("</div></div></div>")
                .raw("<p class=\"buttons\"><button type=\"submit\" name=\"action\" value=\"check\">").text(lang.t("editor.check"))
                .raw("</button> <button type=\"submit\" name=\"action\" value=\"publish\" class=\"primary\">")
                .text(lang.t("editor.publish", base)).raw("</button></p></form>");
        h.raw("<section aria-labelledby=\"changes\"><h2 id=\"changes\">").text(lang.t("editor.changes", current.version()))
                .raw("</h2>");
        DiffView.unified(h, lang, LineDiff.of(current.body(), draft), lang.t("editor.changesCaption", current.version()));
        h.raw("</section>");
        Layout.send(ctx, status, lang, lang.t("editor.title", current.title()), s.group(), h,
                "engine.js", "console.js");
    }

    /**
     * "Try a post" answered by the server, for a browser without JavaScript: the same engine
     * (shared/) on the JVM, and the same markup console.js writes.
     */
    private void verdict(Html h, Lang lang, String draft, String post) {
        if (post.isBlank()) {
            h.raw("<p class=\"hint\">").text(lang.t("try.needsScript")).raw("</p>");
            return;
        }
        ParseResult parsed = ListParser.parse(draft, Limits.DEFAULT.withMaxBytes(console.services.config.maxListBytes));
        if (!parsed.ok()) {
            h.raw("<p class=\"error\">").text(lang.t("try.listBroken")).raw("</p>");
            return;
        }
        List<Match> found = ListCompiler.compile(List.of(parsed.list())).match(post);
        if (found.isEmpty()) {
            h.raw("<p class=\"verdict pass\">").text(lang.t("try.notWarned")).raw("</p>");
            return;
        }
        h.raw("<p class=\"verdict warn\">").text(lang.t("try.warned")).raw("</p>");
        for (Match m : found) {
            int start = Math.max(0, Math.min(post.length(), m.start));
            int end = Math.max(start, Math.min(post.length(), m.end));
            h.raw("<div class=\"panel\"><p class=\"panel-title\">").text(lang.t("try.panel")).raw("</p><p class=\"family\">")
                    .text(m.family).raw("</p><p>").text(m.explanation).raw("</p><p class=\"meta\">")
                    .text(lang.t("try.rule") + " " + m.ruleId + " · " + lang.t("try.action") + " " + lang.t("action." + m.action.id()))
                    .raw("</p><p class=\"why\">").text(lang.t("try.why") + ": ").raw("<mark>").text(post.substring(start, end))
                    .raw("</mark></p></div>");
        }
    }

    static void problemList(Html h, Lang lang, List<Problem> problems) {
        if (problems.isEmpty()) return;
        h.raw("<ul class=\"problems\">");
        for (Problem p : problems) {
            h.raw("<li><button type=\"button\" class=\"goto\" data-line=\"").raw(Integer.toString(p.line)).raw("\" data-column=\"")
                    .raw(Integer.toString(p.column)).raw("\">").text(p.line + ":" + p.column).raw("</button> ")
                    .text(p.message).raw("</li>");
        }
        h.raw("</ul>");
    }

    /** The words console.js shows for a verdict, in the page's language, as a JSON object. */
    private static String tryTexts(Lang lang) {
        com.fasterxml.jackson.databind.node.ObjectNode o = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        for (String k : new String[] {"try.warned", "try.notWarned", "try.why", "try.noRule", "try.listBroken", "try.rule",
                "action.label", "action.blur", "action.hide", "try.action", "try.empty", "try.panel"}) {
            o.put(k, lang.t(k));
        }
        return o.toString();
    }

    static long parseVersion(String s, Lang lang) {
        try {
            long n = Long.parseLong(s == null ? "" : s.trim());
            if (n >= 0) return n;
        } catch (NumberFormatException ignored) {
            // the error below
        }
        throw new PageError(400, lang.t("error.badVersion", s == null ? "" : s));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
