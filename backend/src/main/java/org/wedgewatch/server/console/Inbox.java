package org.wedgewatch.server.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wedgewatch.rules.Limits;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.ParseResult;
import org.wedgewatch.rules.Rule;
import org.wedgewatch.server.Reports;
import org.wedgewatch.server.StoredVersion;
import org.wedgewatch.server.web.Html;
import org.wedgewatch.server.web.Lang;
import org.wedgewatch.server.web.Layout;
import org.wedgewatch.server.web.PageError;

/**
 * Readers' reports grouped by rule and list version, with counts and a chart of the rules that
 * draw the most; each report can be marked reviewed or dismissed, or turned into an example.
 */
final class Inbox {
    private static final int CHART_BARS = 10;

    private final Console console;

    Inbox(Console console) {
        this.console = console;
    }

    /** Reports of one rule in one version of the list. */
    private record Bucket(String rule, Long version, List<Reports.Report> reports) {
        long count(String verdict) {
            return reports.stream().filter(r -> r.verdict().equals(verdict)).count();
        }
    }

    void show(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        Session s = console.require(ctx);
        StoredVersion list = console.ownList(ctx, s, lang);
        boolean all = "all".equals(ctx.queryParam("show"));
        Map<String, String> statuses = console.reviews.of(list.listId());
        List<Reports.Report> reports = new ArrayList<>();
        for (Reports.Report r : console.services.reports.forList(list.listId(), 1000)) {
            if (all || !statuses.containsKey(r.id())) reports.add(r);
        }
        List<Bucket> buckets = buckets(reports);
        Map<String, String> families = families(list, console.services.config.maxListBytes);

        Html h = new Html();
        Console.menu(h, lang, s, list);
        h.raw("<h1>").text(lang.t("inbox.title", list.title())).raw("</h1><p>")
                .text(lang.t(all ? "inbox.showingAll" : "inbox.showingOpen", reports.size())).raw(" <a href=\"?show=")
                .raw(all ? "open" : "all").raw("\">").text(lang.t(all ? "inbox.showOpen" : "inbox.showAll")).raw("</a></p>");
        if (!buckets.isEmpty()) chart(h, lang, buckets);
        for (Bucket b : buckets) {
            String family = families.getOrDefault(b.rule, "");
            h.raw("<section class=\"bucket\" aria-labelledby=\"").text(anchor(b)).raw("\"><h2 id=\"").text(anchor(b)).raw("\">")
                    .text(lang.t("inbox.bucket", b.rule, b.version == null ? "?" : b.version, b.reports.size()))
                    .raw("</h2><p class=\"meta\">");
            if (!family.isEmpty()) h.text(family).raw(" · ");
            h.text(lang.t("inbox.verdicts", b.count("false-positive"), b.count("missed-smear"))).raw("</p><ul class=\"reports\">");
            for (Reports.Report r : b.reports) report(h, lang, s, list, r, statuses.get(r.id()), families.containsKey(r.rule()));
            h.raw("</ul></section>");
        }
        if (buckets.isEmpty()) h.raw("<p>").text(lang.t("inbox.empty")).raw("</p>");
        Layout.send(ctx, 200, lang, lang.t("inbox.title", list.title()), s.group(), h);
    }

    private static String anchor(Bucket b) {
        return "r-" + b.rule + "-" + (b.version == null ? "x" : b.version);
    }

    private static List<Bucket> buckets(List<Reports.Report> reports) {
        Map<String, Bucket> by = new LinkedHashMap<>();
        for (Reports.Report r : reports) {
            by.computeIfAbsent(r.rule() + "\n" + r.version(), k -> new Bucket(r.rule(), r.version(), new ArrayList<>()))
                    .reports.add(r);
        }
        List<Bucket> out = new ArrayList<>(by.values());
        out.sort(Comparator.comparingInt((Bucket b) -> -b.reports.size()).thenComparing(b -> b.rule)
                .thenComparing(b -> b.version == null ? 0 : -b.version));
        return out;
    }

    private static Map<String, String> families(StoredVersion list, int maxBytes) {
        Map<String, String> out = new TreeMap<>();
        ParseResult parsed = ListParser.parse(list.body(), Limits.DEFAULT.withMaxBytes(maxBytes));
        if (parsed.ok()) for (Rule r : parsed.list().rules()) out.put(r.id, r.family());
        return out;
    }

    /** A bar per (rule, version), the most reported first: an SVG with the numbers also in text. */
    private static void chart(Html h, Lang lang, List<Bucket> buckets) {
        List<Bucket> top = buckets.subList(0, Math.min(CHART_BARS, buckets.size()));
        int max = top.get(0).reports.size();
        int rowHeight = 22;
        h.raw("<figure class=\"chart\"><figcaption id=\"chart-caption\">").text(lang.t("inbox.chart")).raw("</figcaption>")
                .raw("<svg role=\"img\" aria-labelledby=\"chart-caption\" viewBox=\"0 0 640 ")
                .raw(Integer.toString(rowHeight * top.size())).raw("\" width=\"640\" height=\"")
                .raw(Integer.toString(rowHeight * top.size())).raw("\">");
        for (int i = 0; i < top.size(); i++) {
            Bucket b = top.get(i);
            int width = Math.max(2, 360 * b.reports.size() / max);
            int y = i * rowHeight;
            h.raw("<text x=\"0\" y=\"").raw(Integer.toString(y + 15)).raw("\">")
                    .text(lang.t("inbox.chartLabel", b.rule, b.version == null ? "?" : b.version)).raw("</text>")
                    .raw("<rect x=\"240\" y=\"").raw(Integer.toString(y + 3)).raw("\" height=\"16\" width=\"")
                    .raw(Integer.toString(width)).raw("\"></rect><text x=\"").raw(Integer.toString(246 + width)).raw("\" y=\"")
                    .raw(Integer.toString(y + 15)).raw("\">").raw(Integer.toString(b.reports.size())).raw("</text>");
        }
        h.raw("</svg></figure>");
    }

    private static void report(Html h, Lang lang, Session s, StoredVersion list, Reports.Report r, String status,
                               boolean ruleExists) {
        boolean notWedge = r.verdict().equals("false-positive");
        h.raw("<li class=\"report\"><p class=\"meta\"><strong>").text(lang.t(notWedge ? "inbox.notWedge" : "inbox.missed"))
                .raw("</strong> · ").text(Layout.when(r.receivedAt()));
        if (status != null) h.raw(" · <span class=\"status\">").text(lang.t("inbox.status." + status)).raw("</span>");
        h.raw("</p>");
        if (r.text() == null) {
            h.raw("<p class=\"no-text\">").text(lang.t("inbox.withoutText")).raw("</p>");
        } else {
            h.raw("<blockquote class=\"post\">").text(r.text()).raw("</blockquote>");
        }
        h.raw("<div class=\"actions\">");
        if (r.text() != null && ruleExists) {
            String edit = "/console/lists/" + list.listId() + "/edit?report=" + Layout.enc(r.id()) + "&as=";
            String primary = notWedge ? "pass" : "warn";
            String other = notWedge ? "warn" : "pass";
            h.raw("<a class=\"button primary\" href=\"").text(edit + primary).raw("\">").text(lang.t("inbox.asExample", primary))
                    .raw("</a> <a class=\"button\" href=\"").text(edit + other).raw("\">").text(lang.t("inbox.asExample", other))
                    .raw("</a> ");
        }
        for (String st : new String[] {ReportReviews.REVIEWED, ReportReviews.DISMISSED}) {
            if (st.equals(status)) continue;
            h.raw("<form method=\"post\" class=\"inline\" action=\"/console/lists/").text(list.listId()).raw("/reports/")
                    .text(r.id()).raw("\">");
            Console.csrfField(h, s);
            h.raw("<input type=\"hidden\" name=\"status\" value=\"").raw(st).raw("\"><button type=\"submit\">")
                    .text(lang.t("inbox.mark." + st)).raw("</button></form> ");
        }
        h.raw("</div></li>");
    }

    void review(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        Session s = console.guard(ctx, lang);
        StoredVersion list = console.ownList(ctx, s, lang);
        String status = ctx.formParam("status");
        if (!ReportReviews.STATUSES.contains(status)) throw new PageError(400, lang.t("inbox.badStatus"));
        if (!console.reviews.set(list.listId(), ctx.pathParam("report"), status, s)) {
            throw new PageError(404, lang.t("inbox.noReport"));
        }
        ctx.redirect("/console/lists/" + list.listId() + "/reports", HttpStatus.SEE_OTHER);
    }
}
