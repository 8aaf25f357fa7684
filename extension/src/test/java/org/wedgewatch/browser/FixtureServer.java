package org.wedgewatch.browser;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Serves X pages over local HTTPS, as x.com would: the browser maps x.com to this port
 * (--host-resolver-rules) and ignores the self-signed certificate made here with keytool.
 * GET /home is the fixture timeline; tests can add pages of their own.
 */
public final class FixtureServer implements AutoCloseable {
    /** The shared fixtures, beside the repository (../shared/fixtures from the repo root). */
    static final Path FIXTURES = HeadlessChromium.repoRoot().resolve("../shared/fixtures").normalize();

    private final HttpsServer server;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    public FixtureServer() throws Exception {
        pages.put("/home", Files.readAllBytes(FIXTURES.resolve("x-home-timeline.html")));
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
        server.createContext("/", exchange -> {
            byte[] body = pages.get(exchange.getRequestURI().getPath());
            int status = body == null ? 404 : 200;
            if (body == null) body = "not found".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void page(String path, String html) {
        pages.put(path, html.getBytes(StandardCharsets.UTF_8));
    }

    /** Chromium switches that send x.com and twitter.com to this server and accept its certificate. */
    public String[] asX() {
        return asX(port());
    }

    static String[] asX(int port) {
        return new String[] {"--ignore-certificate-errors",
            "--host-resolver-rules=MAP x.com 127.0.0.1:" + port + ", MAP twitter.com 127.0.0.1:" + port};
    }

    /** A timeline page in X's markup with one post per {handle, words}; words go in as they are. */
    public static String postsPage(String[]... posts) {
        StringBuilder page = new StringBuilder("<!doctype html><html><head><title>X</title></head><body><main>");
        for (String[] p : posts) {
            page.append("<div data-testid=\"cellInnerDiv\"><article data-testid=\"tweet\" role=\"article\">")
                    .append("<div data-testid=\"User-Name\"><span>Member</span><span>@").append(p[0]).append("</span></div>")
                    .append("<div data-testid=\"tweetText\"><span>").append(p[1]).append("</span></div></article></div>");
        }
        return page.append("</main></body></html>").toString();
    }

    /**
     * The bundled list's own "warn:" or "pass:" examples, in list order: tests take their posts from
     * the list as it is, since the list (and its version) changes.
     */
    public static java.util.List<String> defaultListExamples(String kind) {
        try {
            return java.nio.file.Files.readAllLines(HeadlessChromium.repoRoot().resolve("lists/coalition-defense.txt")).stream()
                    .map(String::strip).filter(l -> l.startsWith(kind + ":"))
                    .map(l -> l.substring(kind.length() + 1).strip()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The ids of the bundled list's rules, in the list's order. */
    public static java.util.List<String> defaultListRuleIds() {
        try {
            return java.nio.file.Files.readAllLines(HeadlessChromium.repoRoot().resolve("lists/coalition-defense.txt")).stream()
                    .filter(l -> l.startsWith("rule ")).map(l -> l.substring("rule ".length()).strip()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    private static SSLContext sslContext() throws Exception {
        Path dir = Files.createTempDirectory("wedgewatch-tls");
        Path store = dir.resolve("x.p12");
        char[] pass = "changeit".toCharArray();
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "x", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=x.com", "-ext", "SAN=dns:x.com,dns:twitter.com,dns:localhost", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) throw new IOException("keytool failed: " + out);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            ks.load(in, pass);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pass);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
