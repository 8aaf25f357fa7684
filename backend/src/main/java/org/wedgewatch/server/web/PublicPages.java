package org.wedgewatch.server.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wedgewatch.rules.Limits;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.ParseResult;
import org.wedgewatch.rules.PatternList;
import org.wedgewatch.rules.Rule;
import org.wedgewatch.server.ListStore;
import org.wedgewatch.server.Representation;
import org.wedgewatch.server.Services;
import org.wedgewatch.server.StoredVersion;

/** The pages anyone can read: the catalogue, a list rule by rule with its history, and the difference between versions. */
final class PublicPages {
    private final Services services;

    PublicPages(Services services) {
        this.services = services;
    }

    void catalogue(Context ctx) {
        Lang lang = Lang.of(ctx);
        List<StoredVersion> lists = new ArrayList<>();
        for (Representation r : services.cache.all()) lists.add(r.stored);
        lists.sort(Comparator.comparing(StoredVersion::title, String.CASE_INSENSITIVE_ORDER));
        Html h = new Html();
        h.raw("<h1>").text(lang.t("catalogue.title")).raw("</h1><p class=\"lead\">").text(lang.t("catalogue.intro")).raw("</p>");
        if (lists.isEmpty()) h.raw("<p>").text(lang.t("catalogue.empty")).raw("</p>");
        h.raw("<ul class=\"cards\">");
        for (StoredVersion v : lists) {
            h.raw("<li class=\"card\"><h2><a href=\"/lists/").text(v.listId()).raw("\">").text(v.title()).raw("</a></h2>");
            if (!v.description().isEmpty()) h.raw("<p>").text(v.description()).raw("</p>");
            h.raw("<dl class=\"facts\">");
            fact(h, lang.t("fact.group"), v.group());
            fact(h, lang.t("fact.rules"), Integer.toString(v.ruleCount()));
            fact(h, lang.t("fact.version"), Long.toString(v.version()));
            fact(h, lang.t("fact.updated"), Layout.when(v.publishedAt()));
            fact(h, lang.t("fact.checks"), Layout.checkEvery(lang, v.expiresHours()));
            h.raw("</dl></li>");
        }
        h.raw("</ul>");
        Layout.send(ctx, 200, lang, lang.t("catalogue.title"), null, h);
    }

    static void fact(Html h, String name, String value) {
        h.raw("<div><dt>").text(name).raw("</dt><dd>").text(value).raw("</dd></div>");
    }

    void list(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        StoredVersion v = current(ctx, lang);
        PatternList list = parse(v, services.config.maxListBytes);
        String url = services.baseUrl(ctx) + "/api/v1/lists/" + v.listId();
        Html h = new Html();
        h.raw("<h1>").text(v.title()).raw("</h1>");
        if (!v.description().isEmpty()) h.raw("<p class=\"lead\">").text(v.description()).raw("</p>");
        h.raw("<dl class=\"facts\">");
        fact(h, lang.t("fact.group"), v.group());
        fact(h, lang.t("fact.version"), Long.toString(v.version()));
        fact(h, lang.t("fact.updated"), Layout.when(v.publishedAt()));
        fact(h, lang.t("fact.checks"), Layout.checkEvery(lang, v.expiresHours()));
        fact(h, lang.t("fact.license"), list.license().isEmpty() ? lang.t("fact.notSaid") : list.license());
        fact(h, lang.t("fact.maintainer"), list.maintainer().isEmpty() ? lang.t("fact.notSaid") : list.maintainer());
        if (isWebAddress(list.homepage())) {
            h.raw("<div><dt>").text(lang.t("fact.homepage")).raw("</dt><dd><a rel=\"nofollow noopener\" href=\"")
                    .text(list.homepage()).raw("\">").text(list.homepage()).raw("</a></dd></div>");
        }
        h.raw("</dl>");
        subscribe(h, lang, url, v.title(), services.rootFingerprint().orElse(null));
        rules(h, lang, list);
        history(ctx, h, lang, v);
        Layout.send(ctx, 200, lang, v.title(), null, h, "copy.js");
    }

    /** 16 hex digits in fours, as the extension's options page shows a pinned root. */
    static String shortFingerprint(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i += 4) sb.append(i == 0 ? "" : " ").append(hex, i, i + 4);
        return sb.toString();
    }

    private static void subscribe(Html h, Lang lang, String url, String title, String root) {
        h.raw("<section aria-labelledby=\"subscribe\"><h2 id=\"subscribe\">").text(lang.t("subscribe.title")).raw("</h2>")
                .raw("<p>").text(lang.t("subscribe.why")).raw("</p><ol class=\"steps\">")
                .raw("<li><label for=\"list-url\">").text(lang.t("subscribe.copy")).raw("</label> ")
                .raw("<input id=\"list-url\" class=\"url\" readonly value=\"").text(url).raw("\">")
                .raw(" <button type=\"button\" class=\"copy\" data-copy=\"list-url\" data-done=\"").text(lang.t("subscribe.copied")).raw("\" hidden>").text(lang.t("subscribe.copyButton"))
                .raw("</button> <span class=\"copied\" role=\"status\"></span></li>")
                .raw("<li>").text(lang.t("subscribe.open")).raw("</li>")
                .raw("<li>").text(lang.t("subscribe.paste", title)).raw("</li></ol>");
        if (root != null) {
            // The root that vouches for this server's signing keys, as the reader's options page shows it.
            h.raw("<p class=\"root\">").text(lang.t("subscribe.root")).raw(" <code id=\"root-fingerprint\" title=\"")
                    .text(root).raw("\">").text(shortFingerprint(root)).raw("</code>. ").text(lang.t("subscribe.rootElse")).raw("</p>");
        }
        h.raw("</section>");
    }

    private static void rules(Html h, Lang lang, PatternList list) {
        h.raw("<section aria-labelledby=\"rules\"><h2 id=\"rules\">").text(lang.t("rules.title", list.rules().size()))
                .raw("</h2><p>").text(lang.t("rules.intro")).raw("</p>");
        for (Rule r : list.rules()) {
            h.raw("<article class=\"rule\" id=\"rule-").text(r.id).raw("\" aria-labelledby=\"rule-").text(r.id)
                    .raw("-h\"><h3 id=\"rule-").text(r.id).raw("-h\">").text(r.family().isEmpty() ? r.id : r.family()).raw("</h3>")
                    .raw("<p>").text(r.explanation()).raw("</p><p class=\"meta\">")
                    .text(lang.t("rules.meta", r.id, lang.t("action." + r.action().id()))).raw("</p>");
            examples(h, lang.t("rules.warned"), r.warnExamples(), "warned");
            examples(h, lang.t("rules.passed"), r.passExamples(), "passed");
            h.raw("</article>");
        }
        h.raw("</section>");
    }

    private static void examples(Html h, String heading, List<Rule.Example> examples, String cls) {
        if (examples.isEmpty()) return;
        h.raw("<h4>").text(heading).raw("</h4><ul class=\"examples ").raw(cls).raw("\">");
        for (Rule.Example e : examples) h.raw("<li>").text(e.text).raw("</li>");
        h.raw("</ul>");
    }

    private void history(Context ctx, Html h, Lang lang, StoredVersion v) throws SQLException {
        List<ListStore.HistoryEntry> entries = services.store.history(v.listId());
        h.raw("<section aria-labelledby=\"history\"><h2 id=\"history\">").text(lang.t("history.title")).raw("</h2>")
                .raw("<table class=\"history\"><caption class=\"sr\">").text(lang.t("history.title")).raw("</caption><thead><tr>")
                .raw("<th scope=\"col\">").text(lang.t("fact.version")).raw("</th><th scope=\"col\">").text(lang.t("history.published"))
                .raw("</th><th scope=\"col\">").text(lang.t("history.by")).raw("</th><th scope=\"col\">").text(lang.t("history.size"))
                .raw("</th></tr></thead><tbody>");
        for (ListStore.HistoryEntry e : entries) {
            h.raw("<tr><td><a href=\"/api/v1/lists/").text(v.listId()).raw("/versions/").raw(Long.toString(e.version())).raw("\">")
                    .raw(Long.toString(e.version())).raw("</a></td><td>").text(Layout.when(e.publishedAt())).raw("</td><td>")
                    .text(e.publishedBy()).raw("</td><td>").text(lang.t("history.bytes", e.sizeBytes())).raw("</td></tr>");
        }
        h.raw("</tbody></table>");
        if (entries.size() > 1) {
            h.raw("<form class=\"compare\" method=\"get\" action=\"/lists/").text(v.listId()).raw("/diff\">")
                    .raw("<fieldset><legend>").text(lang.t("history.compare")).raw("</legend>");
            VersionPicker.select(h, lang.t("history.from"), "from", entries, entries.get(1).version());
            VersionPicker.select(h, lang.t("history.to"), "to", entries, entries.get(0).version());
            h.raw("<button type=\"submit\">").text(lang.t("history.show")).raw("</button></fieldset></form>");
        }
        h.raw("</section>");
    }

    void diff(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        StoredVersion current = current(ctx, lang);
        StoredVersion from = version(lang, current.listId(), ctx.queryParam("from"));
        StoredVersion to = version(lang, current.listId(), ctx.queryParam("to"));
        Html h = new Html();
        String title = lang.t("diff.title", current.title(), from.version(), to.version());
        h.raw("<h1>").text(title).raw("</h1><p><a href=\"/lists/").text(current.listId()).raw("\">")
                .text(lang.t("diff.back", current.title())).raw("</a></p>");
        DiffView.unified(h, lang, LineDiff.of(from.body(), to.body()), lang.t("diff.caption", from.version(), to.version()));
        Layout.send(ctx, 200, lang, title, null, h);
    }

    private StoredVersion current(Context ctx, Lang lang) throws SQLException {
        String id = ctx.pathParam("id");
        if (!ListParser.isListId(id)) throw new PageError(404, lang.t("error.noList", id));
        return services.cache.get(id).map(r -> r.stored).orElseThrow(() -> new PageError(404, lang.t("error.noList", id)));
    }

    private StoredVersion version(Lang lang, String id, String n) throws SQLException {
        long version;
        try {
            version = Long.parseLong(n == null ? "" : n);
        } catch (NumberFormatException e) {
            throw new PageError(400, lang.t("error.badVersion", n == null ? "" : n));
        }
        return services.store.version(id, version).orElseThrow(() -> new PageError(404, lang.t("error.noVersion", id, version)));
    }

    /** A published version always parses (it was checked at publish); the engine may have grown stricter since. */
    static PatternList parse(StoredVersion v, int maxBytes) {
        ParseResult r = ListParser.parse(v.body(), Limits.DEFAULT.withMaxBytes(maxBytes));
        if (!r.ok()) throw new PageError(500, "version " + v.version() + " of '" + v.listId() + "' no longer parses: "
                + r.problems().get(0));
        return r.list();
    }

    /** Only http(s) addresses become links: a list cannot make a javascript: link. */
    static boolean isWebAddress(String s) {
        return s != null && (s.startsWith("https://") || s.startsWith("http://")) && s.length() < 500;
    }
}
