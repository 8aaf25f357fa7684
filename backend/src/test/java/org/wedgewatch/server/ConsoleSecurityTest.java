package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console over HTTP: sign-in, the session cookie, refused changes, roles, publishing and its conflicts. */
class ConsoleSecurityTest {
    @Test
    void signInSetsAStrictCookieAndSignOutEndsTheSession() throws Exception {
        try (TestServer s = TestServer.sqlite()) {
            String token = s.token("g");
            ConsoleClient c = new ConsoleClient(s.http);
            HttpResponse<String> in = c.signIn(token);
            assertEquals(303, in.statusCode());
            String cookie = c.lastSetCookie;
            assertNotNull(cookie);
            for (String attribute : new String[] {"HttpOnly", "SameSite=Strict", "Path=/console", "Max-Age=28800", "Expires="}) {
                assertTrue(cookie.contains(attribute), attribute + " in " + cookie);
            }
            assertFalse(cookie.contains("Secure"), "plain HTTP on loopback: a Secure cookie would never come back");
            assertTrue(c.get("/console").body().contains("Lists of g"));

            assertEquals(303, c.post("/console/sign-out", s.http.base, "csrf", c.csrf).statusCode());
            assertTrue(c.get("/console").body().contains("name=\"token\""), "signed out: the sign-in form again");
            assertEquals(303, c.get("/console/group").statusCode(), "console pages send a signed-out browser to sign in");
        }
    }

    @Test
    void behindHttpsTheCookieIsSecure() throws Exception {
        try (TestServer s = TestServer.start(null, c -> c.trustForwardedFor = true)) {
            String token = s.token("g");
            HttpResponse<String> r = s.http.send(s.http.request("/console/sign-in")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + token))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-Proto", "https")
                    .header("Origin", "https://127.0.0.1:" + s.server.port()).build());
            assertEquals(303, r.statusCode());
            assertTrue(r.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"));
        }
    }

    @Test
    void failedSignInsAreRefusedAndLogged() throws Exception {
        try (TestServer s = TestServer.sqlite()) {
            Tokens.Created revoked = Tokens.create(s.server.database(), "g", "old");
            Tokens.revoke(s.server.database(), revoked.id());
            ConsoleClient c = new ConsoleClient(s.http);
            assertEquals(401, c.signIn("wwt_not-a-real-token").statusCode());
            assertNull(c.cookie);
            assertEquals(401, c.signIn(revoked.secret()).statusCode());
            assertNull(c.cookie);
            assertEquals(403, c.post("/console/sign-in", "http://evil.example", "token", s.token("g")).statusCode(),
                    "a sign-in posted from another site is refused");
            List<AuditLog.Entry> log = AuditLog.recent(s.server.database(), 50);
            assertTrue(log.stream().anyMatch(e -> e.event().equals("console.sign-in-failed") && e.detail().contains("unknown")));
            assertTrue(log.stream().anyMatch(e -> e.event().equals("console.sign-in-failed")
                    && e.detail().equals("group=g reason=revoked") && e.subject().equals(revoked.id())));
        }
    }

    @Test
    void aChangeNeedsTheFormTokenAndThisOrigin() throws Exception {
        try (TestServer s = TestServer.sqlite()) {
            String token = s.token("g");
            ConsoleClient c = new ConsoleClient(s.http);
            c.signIn(token);
            c.get("/console/group");
            String base = s.http.base;
            assertEquals(403, c.post("/console/group/tokens", "http://evil.example", "csrf", c.csrf, "label", "x1",
                    "role", "admin").statusCode(), "another origin, even with the form token");
            assertEquals(403, c.post("/console/group/tokens", "http://localhost:" + s.server.port(), "csrf", c.csrf,
                    "label", "x2", "role", "admin").statusCode(), "a sibling origin on this machine");
            assertEquals(403, c.post("/console/group/tokens", null, "csrf", c.csrf, "label", "x3", "role", "admin")
                    .statusCode(), "neither Origin nor Referer");
            assertEquals(403, c.post("/console/group/tokens", base, "label", "x4", "role", "admin").statusCode(),
                    "no form token");
            assertEquals(403, c.post("/console/group/tokens", base, "csrf", c.csrf + "x", "label", "x5", "role", "admin")
                    .statusCode(), "a wrong form token");
            assertTrue(c.get("/console/group").body().contains("tester-g"));
            for (String refused : new String[] {"x1", "x2", "x3", "x4", "x5"}) {
                assertFalse(c.get("/console/group").body().contains("<td>" + refused + "</td>"), refused + " was not issued");
            }
            HttpResponse<String> ok = c.post("/console/group/tokens", base, "csrf", c.csrf, "label", "bea", "role", "maintainer");
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("<td>bea</td>"));
        }
    }

    @Test
    void adminsIssueAndRevokeTokensAndARevokedTokensSessionEnds() throws Exception {
        try (TestServer s = TestServer.sqlite()) {
            ConsoleClient admin = new ConsoleClient(s.http);
            admin.signIn(s.token("g"));
            admin.get("/console/group");
            HttpResponse<String> issued = admin.post("/console/group/tokens", s.http.base, "csrf", admin.csrf,
                    "label", "bea", "role", "maintainer");
            Matcher m = Pattern.compile("id=\"new-token\" class=\"url\" readonly value=\"(wwt_[^\"]+)\"").matcher(issued.body());
            assertTrue(m.find(), "the new secret is shown once");
            String secret = m.group(1);
            assertFalse(admin.get("/console/group").body().contains(secret), "and never again");

            ConsoleClient bea = new ConsoleClient(s.http);
            assertEquals(303, bea.signIn(secret).statusCode());
            String group = bea.get("/console/group").body();
            assertTrue(group.contains("Only the group&#39;s admins issue and revoke tokens."));
            assertEquals(403, bea.post("/console/group/tokens", s.http.base, "csrf", bea.csrf, "label", "z", "role", "admin")
                    .statusCode(), "a maintainer cannot issue tokens");

            String beaId = Tokens.authenticate(s.server.database(), secret).orElseThrow().tokenId();
            assertEquals(303, admin.post("/console/group/tokens/" + beaId + "/revoke", s.http.base, "csrf", admin.csrf)
                    .statusCode());
            assertEquals(303, bea.get("/console/group").statusCode(), "the revoked token's session is over");
            assertTrue(Tokens.authenticate(s.server.database(), secret).isEmpty());
            String log = admin.get("/console/group").body();
            assertTrue(log.contains("token.revoke") && log.contains("token.create") && log.contains("console.sign-in"));

            ConsoleClient other = new ConsoleClient(s.http);
            other.signIn(s.token("other"));
            other.get("/console/group");
            assertEquals(404, other.post("/console/group/tokens/" + beaId + "/revoke", s.http.base, "csrf", other.csrf)
                    .statusCode(), "another group's token is not yours to revoke");
        }
    }

    @Test
    void publishingFromTheConsoleAndAConflictWhenSomeonePublishedMeanwhile() throws Exception {
        try (TestServer s = TestServer.sqlite()) {
            String token = s.token("g");
            assertEquals(201, s.http.publish("plain", token, TestLists.valid("plain", 1)).statusCode());
            ConsoleClient c = new ConsoleClient(s.http);
            c.signIn(token);
            String editor = c.get("/console/lists/plain/edit").body();
            assertTrue(editor.contains("! Version: 2"), "the draft is the next version");
            assertTrue(editor.contains("name=\"base\" value=\"1\""));

            // Without JavaScript, "Check" answers "Try a post" with the same engine on the server.
            HttpResponse<String> checked = c.post("/console/lists/plain/edit", s.http.base, "csrf", c.csrf, "base", "1",
                    "action", "check", "text", TestLists.valid("plain", 2), "post", "Honestly, progressives are the real racists!");
            assertEquals(200, checked.statusCode());
            assertTrue(checked.body().contains("<p class=\"verdict warn\">Warned</p>"), checked.body());
            assertTrue(checked.body().contains("<mark>progressives are the real racists</mark>"));
            assertTrue(checked.body().contains("F2 real racists"));
            String passed = c.post("/console/lists/plain/edit", s.http.base, "csrf", c.csrf, "base", "1", "action", "check",
                    "text", TestLists.valid("plain", 2), "post", "Progressives are not the real racists.").body();
            assertTrue(passed.contains("Not warned: no rule of this draft matches these words."));

            HttpResponse<String> broken = c.post("/console/lists/plain/edit", s.http.base, "csrf", c.csrf, "base", "1",
                    "action", "publish", "text", TestLists.valid("plain", 2).replace("  pass: Republicans", "  pass: Leftists"));
            assertEquals(422, broken.statusCode());
            assertTrue(broken.body().contains("data-line=\"14\""), "the problem is located");

            HttpResponse<String> published = c.post("/console/lists/plain/edit", s.http.base, "csrf", c.csrf, "base", "1",
                    "action", "publish", "text", TestLists.valid("plain", 2));
            assertEquals(303, published.statusCode(), published.body());
            assertTrue(s.http.getText("/api/v1/lists/plain").body().contains("! Version: 2"));

            // Someone publishes 3 through the API while this maintainer still edits from 2.
            assertEquals(201, s.http.publish("plain", token, TestLists.valid("plain", 3)).statusCode());
            HttpResponse<String> conflict = c.post("/console/lists/plain/edit", s.http.base, "csrf", c.csrf, "base", "2",
                    "action", "publish", "text", TestLists.valid("plain", 3).replace("A list the tests", "Our list the tests"));
            assertEquals(409, conflict.statusCode());
            assertTrue(conflict.body().contains("Someone published version 3"), conflict.body());
            assertTrue(conflict.body().contains("Our list the tests"), "the draft is kept");
            assertTrue(conflict.body().contains("name=\"base\" value=\"3\""));
            assertTrue(s.http.getText("/api/v1/lists/plain").body().contains("! Version: 3\n"));
            assertFalse(s.http.getText("/api/v1/lists/plain").body().contains("Our list"), "nothing was overwritten");

            // Restoring version 1: its text as the draft of version 4, published like any edit.
            String restoring = c.get("/console/lists/plain/edit?from=1").body();
            assertTrue(restoring.contains("This is version 1, as the draft of version 4."));
            assertTrue(restoring.contains("! Version: 4\n"));
            assertTrue(restoring.contains("name=\"base\" value=\"3\""));
            String side = c.get("/console/lists/plain/history?left=1&right=3").body();
            assertTrue(side.contains("class=\"diff side\"") && side.contains("Version 1") && side.contains("Version 3"));
            assertTrue(side.contains("Restore version 2 as a new version"));

            ConsoleClient other = new ConsoleClient(s.http);
            other.signIn(s.token("other"));
            assertEquals(404, other.get("/console/lists/plain/edit").statusCode(), "another group's list is not in its console");
        }
    }
}
