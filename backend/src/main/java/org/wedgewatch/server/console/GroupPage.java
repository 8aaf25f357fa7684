package org.wedgewatch.server.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wedgewatch.server.AuditLog;
import org.wedgewatch.server.StoredVersion;
import org.wedgewatch.server.web.Html;
import org.wedgewatch.server.web.Lang;
import org.wedgewatch.server.web.Layout;
import org.wedgewatch.server.web.PageError;

/** The group: its named tokens (admins issue and revoke them) and its audit log. */
final class GroupPage {
    private static final int AUDIT_ROWS = 200;

    private final Console console;

    GroupPage(Console console) {
        this.console = console;
    }

    void show(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        Session s = console.require(ctx);
        render(ctx, lang, s, null, null);
    }

    private void render(Context ctx, Lang lang, Session s, String newLabel, String newSecret) throws SQLException {
        List<GroupTokens.Token> tokens = console.tokens.of(s.group());
        Html h = new Html();
        Console.menu(h, lang, s, null);
        h.raw("<h1>").text(lang.t("group.title", s.group())).raw("</h1>");
        if (newSecret != null) {
            h.raw("<div class=\"notice\" role=\"status\"><p>").text(lang.t("group.issued", newLabel)).raw("</p>")
                    .raw("<label for=\"new-token\">").text(lang.t("group.secret")).raw("</label> ")
                    .raw("<input id=\"new-token\" class=\"url\" readonly value=\"").text(newSecret).raw("\"></div>");
        }
        h.raw("<section aria-labelledby=\"tokens\"><h2 id=\"tokens\">").text(lang.t("group.tokens")).raw("</h2>")
                .raw("<table><caption class=\"sr\">").text(lang.t("group.tokens")).raw("</caption><thead><tr>")
                .raw("<th scope=\"col\">").text(lang.t("group.label")).raw("</th><th scope=\"col\">").text(lang.t("group.id"))
                .raw("</th><th scope=\"col\">").text(lang.t("group.role")).raw("</th><th scope=\"col\">").text(lang.t("group.created"))
                .raw("</th><th scope=\"col\">").text(lang.t("group.state")).raw("</th></tr></thead><tbody>");
        for (GroupTokens.Token t : tokens) {
            h.raw("<tr><td>").text(t.label()).raw("</td><td><code>").text(t.id()).raw("</code></td><td>")
                    .text(lang.t("group.role." + t.role())).raw("</td><td>").text(Layout.when(t.createdAt())).raw("</td><td>");
            if (t.revokedAt() != null) {
                h.text(lang.t("group.revokedAt", Layout.when(t.revokedAt())));
            } else if (s.admin()) {
                h.raw("<form method=\"post\" class=\"inline\" action=\"/console/group/tokens/").text(t.id()).raw("/revoke\">");
                Console.csrfField(h, s);
                h.raw("<button type=\"submit\" aria-label=\"").text(lang.t("group.revokeNamed", t.label())).raw("\">")
                        .text(lang.t("group.revoke")).raw("</button></form>");
                if (t.id().equals(s.tokenId())) h.raw(" ").text(lang.t("group.yours"));
            } else {
                h.text(lang.t("group.live"));
            }
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table>");
        if (s.admin()) {
            h.raw("<form method=\"post\" action=\"/console/group/tokens\" class=\"issue\"><fieldset><legend>")
                    .text(lang.t("group.issue")).raw("</legend>");
            Console.csrfField(h, s);
            h.raw("<label for=\"label\">").text(lang.t("group.label")).raw("</label> <input id=\"label\" name=\"label\" required ")
                    .raw("maxlength=\"64\"> <label for=\"role\">").text(lang.t("group.role")).raw("</label> <select id=\"role\" name=\"role\">")
                    .raw("<option value=\"maintainer\">").text(lang.t("group.role.maintainer")).raw("</option>")
                    .raw("<option value=\"admin\">").text(lang.t("group.role.admin")).raw("</option></select> ")
                    .raw("<button type=\"submit\">").text(lang.t("group.issueButton")).raw("</button></fieldset></form>");
        } else {
            h.raw("<p>").text(lang.t("group.onlyAdmins")).raw("</p>");
        }
        h.raw("</section>");
        audit(h, lang, s, tokens);
        Layout.send(ctx, 200, lang, lang.t("group.title", s.group()), s.group(), h);
    }

    private void audit(Html h, Lang lang, Session s, List<GroupTokens.Token> tokens) throws SQLException {
        Set<String> lists = new HashSet<>();
        for (StoredVersion v : console.groupLists(s.group())) lists.add(v.listId());
        List<AuditLog.Entry> entries = GroupAudit.of(console.services.db, s.group(), lists, GroupAudit.ids(tokens), AUDIT_ROWS);
        h.raw("<section aria-labelledby=\"audit\"><h2 id=\"audit\">").text(lang.t("group.audit")).raw("</h2>")
                .raw("<table class=\"audit\"><caption class=\"sr\">").text(lang.t("group.audit")).raw("</caption><thead><tr>")
                .raw("<th scope=\"col\">").text(lang.t("audit.when")).raw("</th><th scope=\"col\">").text(lang.t("audit.event"))
                .raw("</th><th scope=\"col\">").text(lang.t("audit.who")).raw("</th><th scope=\"col\">").text(lang.t("audit.subject"))
                .raw("</th><th scope=\"col\">").text(lang.t("audit.detail")).raw("</th></tr></thead><tbody>");
        for (AuditLog.Entry e : entries) {
            h.raw("<tr><td>").text(Layout.when(e.at())).raw("</td><td>").text(e.event()).raw("</td><td>").text(e.actor())
                    .raw("</td><td>").text(e.subject()).raw("</td><td>").text(e.detail()).raw("</td></tr>");
        }
        h.raw("</tbody></table></section>");
    }

    void issue(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        Session s = console.guard(ctx, lang);
        if (!s.admin()) throw new PageError(403, lang.t("group.onlyAdmins"));
        String label = ctx.formParam("label");
        String role = ctx.formParam("role");
        if (label == null || label.isBlank() || label.length() > 64) throw new PageError(400, lang.t("group.badLabel"));
        if (!Session.ADMIN.equals(role) && !Session.MAINTAINER.equals(role)) throw new PageError(400, lang.t("group.badRole"));
        String secret = console.tokens.issue(s, label.trim(), role);
        render(ctx, lang, s, label.trim(), secret); // the secret is shown once, on this answer only
    }

    void revoke(Context ctx) throws SQLException {
        Lang lang = Lang.of(ctx);
        Session s = console.guard(ctx, lang);
        if (!s.admin()) throw new PageError(403, lang.t("group.onlyAdmins"));
        if (!console.tokens.revoke(s, ctx.pathParam("token"))) throw new PageError(404, lang.t("group.noToken"));
        ctx.redirect("/console/group", HttpStatus.SEE_OTHER);
    }
}
