package org.wedgewatch.server.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The frame of every page: head, header with navigation and language switch, security headers. */
public final class Layout {
    /** Scripts only from this server, no inline code, no plugins, no framing: markup in data cannot run. */
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Layout() {
    }

    /**
     * Writes a whole page.
     *
     * @param signedIn the group name shown in the header, or null on public pages
     * @param scripts  file names under /static/ to load at the end of the body
     */
    public static void send(Context ctx, int status, Lang lang, String title, String signedIn, Html body, String... scripts) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"").text(lang.code).raw("\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(title).raw(" · Wedgewatch</title>")
                .raw("<link rel=\"stylesheet\" href=\"/static/style.css\"></head><body>")
                .raw("<a class=\"skip\" href=\"#main\">").text(lang.t("skip")).raw("</a>")
                .raw("<header><nav aria-label=\"").text(lang.t("nav.label")).raw("\"><a class=\"brand\" href=\"/\">Wedgewatch</a>")
                .raw("<a href=\"/\">").text(lang.t("nav.lists")).raw("</a>")
                .raw("<a href=\"/console\">").text(lang.t("nav.console")).raw("</a>");
        if (signedIn != null) {
            h.raw("<span class=\"who\">").text(lang.t("nav.signedIn", signedIn)).raw("</span>");
        }
        Lang other = lang == Lang.EN ? Lang.ES : Lang.EN;
        h.raw("<a class=\"lang\" lang=\"").text(other.code).raw("\" hreflang=\"").text(other.code).raw("\" href=\"")
                .text(withLang(ctx, other.code)).raw("\">").text(other.t("lang.name")).raw("</a></nav></header>")
                .raw("<main id=\"main\" tabindex=\"-1\">").raw(body.toString()).raw("</main>");
        for (String s : scripts) h.raw("<script src=\"/static/").text(s).raw("\"></script>");
        h.raw("</body></html>\n");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Vary", "Accept-Language, Cookie");
        if (ctx.header("Cache-Control") == null && ctx.res().getHeader("Cache-Control") == null) {
            ctx.header("Cache-Control", "no-cache");
        }
        ctx.status(status).contentType("text/html; charset=utf-8").result(h.toString());
    }

    /** This page's path and query with lang set to code. */
    static String withLang(Context ctx, String code) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals("lang")) continue;
            for (String v : e.getValue()) q.append(enc(e.getKey())).append('=').append(enc(v)).append('&');
        }
        return ctx.path() + "?" + q + "lang=" + code;
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static String when(long epochMillis) {
        return WHEN.format(Instant.ofEpochMilli(epochMillis));
    }

    /** "every 6 hours", "every 2 days": how often a subscribed extension checks for a new version. */
    public static String checkEvery(Lang lang, int hours) {
        if (hours % 24 == 0) return hours == 24 ? lang.t("every.day") : lang.t("every.days", hours / 24);
        return hours == 1 ? lang.t("every.hour") : lang.t("every.hours", hours);
    }
}
