package org.wedgewatch.server.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wedgewatch.server.AuditLog;
import org.wedgewatch.server.Representation;
import org.wedgewatch.server.Services;
import org.wedgewatch.server.StoredVersion;
import org.wedgewatch.server.web.Html;
import org.wedgewatch.server.web.Lang;
import org.wedgewatch.server.web.Layout;
import org.wedgewatch.server.web.PageError;

/**
 * The maintainer console: sign-in with a group's token, a session cookie, and the guard every
 * change passes (session, form token, same origin). The pages themselves are in Editor, Inbox,
 * History and GroupPage.
 */
public final class Console {
    static final String COOKIE = "ww_session";
    static final String SIGN_IN = "console.sign-in";
    static final String SIGN_IN_FAILED = "console.sign-in-failed";
    static final String SIGN_OUT = "console.sign-out";

    final Services services;
    final Sessions sessions;
    final GroupTokens tokens;
    final ReportReviews reviews;

    private Console(Services services) {
        this.services = services;
        this.sessions = new Sessions(services.db);
        this.tokens = new GroupTokens(services.db);
        this.reviews = new ReportReviews(services.db);
    }

    public static void register(RoutesConfig routes, Services services) {
        Console console = new Console(services);
        Editor editor = new Editor(console);
        Inbox inbox = new Inbox(console);
        History history = new History(console);
        GroupPage group = new GroupPage(console);
        routes.get("/console", console::home);
        routes.post("/console/sign-in", console::signIn);
        routes.post("/console/sign-out", console::signOut);
        routes.get("/console/lists/{id}/edit", editor::edit);
        routes.post("/console/lists/{id}/edit", editor::submit);
        routes.get("/console/lists/{id}/reports", inbox::show);
        routes.post("/console/lists/{id}/reports/{report}", inbox::review);
        routes.get("/console/lists/{id}/history", history::show);
        routes.get("/console/group", group::show);
        routes.post("/console/group/tokens", group::issue);
        routes.post("/console/group/tokens/{token}/revoke", group::revoke);
        routes.exception(SignInFirst.class, (e, ctx) -> { }); // the redirect is already set
    }

    /** The signed-in maintainer, or null. */
    Session session(Context ctx) throws SQLException {
        return sessions.find(ctx.cookie(COOKIE)).orElse(null);
    }

    /** For pages: the session, or a redirect to the sign-in form (thrown, so the handler stops). */
    Session require(Context ctx) throws SQLException {
        Session s = session(ctx);
        if (s == null) {
            ctx.redirect("/console", io.javalin.http.HttpStatus.SEE_OTHER);
            throw new SignInFirst();
        }
        ctx.header("Cache-Control", "no-store");
        return s;
    }

    /** For every change: a live session, the session's form token, and a request from our own origin. */
    Session guard(Context ctx, Lang lang) throws SQLException {
        requireSameOrigin(ctx, lang);
        Session s = session(ctx);
        if (s == null) throw new PageError(401, lang.t("console.signInFirst"));
        if (!Sessions.same(s.csrf(), ctx.formParam("csrf"))) throw new PageError(403, lang.t("console.badForm"));
        ctx.header("Cache-Control", "no-store");
        return s;
    }

    /**
     * Origin (or, without it, Referer) must be this server. SameSite=Strict already keeps the
     * cookie off cross-site requests; this also refuses a sibling origin on the same site.
     */
    void requireSameOrigin(Context ctx, Lang lang) {
        String ours = services.origin(ctx);
        String origin = ctx.header("Origin");
        if (origin != null) {
            if (!origin.equals(ours)) throw new PageError(403, lang.t("console.otherOrigin"));
            return;
        }
        String referer = ctx.header("Referer");
        if (referer == null || !(referer.equals(ours) || referer.startsWith(ours + "/"))) {
            throw new PageError(403, lang.t("console.otherOrigin"));
        }
    }

    /** The group's list, or 404 (also for another group's list: the console shows only your own). */
    StoredVersion ownList(Context ctx, Session s, Lang lang) throws SQLException {
        String id = ctx.pathParam("id");
        Optional<Representation> r = org.wedgewatch.rules.ListParser.isListId(id) ? services.cache.get(id) : Optional.empty();
        if (r.isEmpty() || !r.get().stored.group().equals(s.group())) throw new PageError(404, lang.t("error.noList", id));
        return r.get().stored;
    }

    List<StoredVersion> groupLists(String group) {
        List<StoredVersion> out = new ArrayList<>();
        for (Representation r : services.cache.all()) if (r.stored.group().equals(group)) out.add(r.stored);
        out.sort(Comparator.comparing(StoredVersion::listId));
        return out;
    }

    static void csrfField(Html h, Session s) {
        h.raw("<input type=\"hidden\" name=\"csrf\" value=\"").text(s.csrf()).raw("\">");
    }

    /** The links at the top of every console page. */
    static void menu(Html h, Lang lang, Session s, StoredVersion list) {
        h.raw("<nav class=\"console-menu\" aria-label=\"").text(lang.t("console.menu")).raw("\"><a href=\"/console\">")
                .text(lang.t("console.home")).raw("</a>");
        if (list != null) {
            String base = "/console/lists/" + list.listId();
            h.raw("<a href=\"").text(base).raw("/edit\">").text(lang.t("console.edit")).raw("</a>")
                    .raw("<a href=\"").text(base).raw("/reports\">").text(lang.t("console.reports")).raw("</a>")
                    .raw("<a href=\"").text(base).raw("/history\">").text(lang.t("console.history")).raw("</a>");
        }
        h.raw("<a href=\"/console/group\">").text(lang.t("console.group")).raw("</a>")
                .raw("<form method=\"post\" action=\"/console/sign-out\" class=\"inline\">");
        csrfField(h, s);
        h.raw("<button type=\"submit\">").text(lang.t("console.signOut")).raw("</button></form></nav>");
    }

    void home(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        ctx.header("Cache-Control", "no-store");
        Session s = session(ctx);
        if (s == null) {
            signInPage(ctx, lang, 200, null);
            return;
        }
        Html h = new Html();
        menu(h, lang, s, null);
        h.raw("<h1>").text(lang.t("console.listsOf", s.group())).raw("</h1>");
        List<StoredVersion> lists = groupLists(s.group());
        if (lists.isEmpty()) h.raw("<p>").text(lang.t("console.noLists")).raw("</p>");
        h.raw("<ul class=\"cards\">");
        for (StoredVersion v : lists) {
            String base = "/console/lists/" + v.listId();
            h.raw("<li class=\"card\"><h2>").text(v.title()).raw("</h2><p>")
                    .text(lang.t("console.listLine", v.listId(), v.version(), v.ruleCount())).raw("</p><p class=\"actions\">")
                    .raw("<a href=\"").text(base).raw("/edit\">").text(lang.t("console.edit")).raw("</a> ")
                    .raw("<a href=\"").text(base).raw("/reports\">").text(lang.t("console.reports")).raw("</a> ")
                    .raw("<a href=\"").text(base).raw("/history\">").text(lang.t("console.history")).raw("</a> ")
                    .raw("<a href=\"/lists/").text(v.listId()).raw("\">").text(lang.t("console.publicPage")).raw("</a></p></li>");
        }
        h.raw("</ul>");
        Layout.send(ctx, 200, lang, lang.t("console.title"), s.group(), h);
    }

    private void signInPage(Context ctx, Lang lang, int status, String error) {
        Html h = new Html();
        h.raw("<h1>").text(lang.t("signIn.title")).raw("</h1><p>").text(lang.t("signIn.intro")).raw("</p>");
        if (error != null) h.raw("<p class=\"error\" role=\"alert\" id=\"sign-in-error\">").text(error).raw("</p>");
        h.raw("<form method=\"post\" action=\"/console/sign-in\" class=\"sign-in\"><label for=\"token\">")
                .text(lang.t("signIn.token")).raw("</label><input id=\"token\" name=\"token\" type=\"password\" required ")
                .raw("autocomplete=\"current-password\" spellcheck=\"false\"")
                .raw(error != null ? " aria-invalid=\"true\" aria-describedby=\"sign-in-error\"" : "")
                .raw("><button type=\"submit\">").text(lang.t("signIn.button")).raw("</button></form>");
        Layout.send(ctx, status, lang, lang.t("signIn.title"), null, h);
    }

    void signIn(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        requireSameOrigin(ctx, lang);
        String secret = ctx.formParam("token");
        secret = secret == null ? "" : secret.trim();
        Optional<GroupTokens.Holder> live = tokens.holder(secret, true);
        if (live.isEmpty()) {
            // A revoked token still names its group, so that group's log shows the attempt.
            Optional<GroupTokens.Holder> known = tokens.holder(secret, false);
            AuditLog.append(services.db, SIGN_IN_FAILED, services.clientAddress(ctx) + " (address)",
                    known.map(GroupTokens.Holder::id).orElse("console"),
                    known.map(k -> "group=" + k.group() + " reason=revoked").orElse("reason=unknown-token"));
            signInPage(ctx, lang, 401, lang.t("signIn.failed"));
            return;
        }
        GroupTokens.Holder t = live.get();
        String cookie = sessions.create(t.id());
        AuditLog.append(services.db, SIGN_IN, t.label() + " (" + t.id() + ")", t.id(), "group=" + t.group());
        setCookie(ctx, cookie, Sessions.LIFETIME.toSeconds());
        ctx.header("Cache-Control", "no-store");
        ctx.redirect("/console", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        Session s = guard(ctx, lang);
        sessions.delete(ctx.cookie(COOKIE));
        AuditLog.append(services.db, SIGN_OUT, s.who(), s.tokenId(), "group=" + s.group());
        setCookie(ctx, "", 0);
        ctx.redirect("/console", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** HttpOnly, SameSite=Strict, only under /console, Secure whenever the browser came over HTTPS. */
    private void setCookie(Context ctx, String value, long maxAgeSeconds) {
        String expires = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(maxAgeSeconds));
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + value + "; Path=/console; HttpOnly; SameSite=Strict; Max-Age="
                + maxAgeSeconds + "; Expires=" + expires + (services.secure(ctx) ? "; Secure" : ""));
    }

    /** Thrown after a redirect to the sign-in page has been set. */
    static final class SignInFirst extends RuntimeException {
        SignInFirst() {
            super("sign in first", null, false, false);
        }
    }
}
