package org.wedgewatch.server;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A maintainer's browser reduced to HTTP: the session cookie, the form token of the last page, and the Origin it sends. */
final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    final Http http;
    String cookie;
    String csrf;
    String lastSetCookie;

    ConsoleClient(Http http) {
        this.http = http;
    }

    HttpResponse<String> signIn(String token) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/console/sign-in", http.base, "token", token);
        lastSetCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ww_session=")).findFirst().orElse(null);
        if (lastSetCookie != null) cookie = lastSetCookie.substring(0, lastSetCookie.indexOf(';'));
        return r;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = http.request(path).GET();
        if (cookie != null) b.header("Cookie", cookie);
        HttpResponse<String> r = http.send(b.build());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return r;
    }

    /** A form post from origin (null: no Origin header); fields are name, value pairs. */
    HttpResponse<String> post(String path, String origin, String... fields) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (form.length() > 0) form.append('&');
            form.append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        HttpRequest.Builder b = http.request(path).POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (origin != null) b.header("Origin", origin);
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
