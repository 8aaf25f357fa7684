package org.wedgewatch.browser.subscriptions;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Wedgewatch list server as the extension sees it, on 127.0.0.1: the catalogue, signed lists
 * with strong ETags and 304s, the public keys, and readers' reports (kept as received). Signs with
 * an Ed25519 key made per run, so the test can also serve what a tampering mirror would: a body
 * that does not match its signature.
 */
final class ListServer implements AutoCloseable {
    /** A small list for the tests: one rule, with a warn and a pass example; %d is its version. */
    static final String DEMO_LIST = """
            ! Title: Demo list
            ! Id: demo
            ! Version: %d
            ! Expires: 1 hour

            rule sellouts
              family: F9 sellouts
              explain: Calling allies sellouts splits the coalition.
              match: progressives are sellouts
              warn: Progressives are sellouts.
              pass: Progressives are not sellouts.
            """;

    private record Served(byte[] body, String etag, String metadata, String signature) {}

    private final HttpServer server;
    private final KeyPair key;
    private final Map<String, Served> lists = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** "list id: JSON body" of every report posted, in order. */
    final List<String> reports = new CopyOnWriteArrayList<>();

    ListServer() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            try (exchange) {
                if (path.startsWith("/api/v1/lists/") && path.endsWith("/reports") && exchange.getRequestMethod().equals("POST")) {
                    String id = path.substring(14, path.length() - 8);
                    reports.add(id + ": " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    send(exchange, 202, "application/json", "{\"id\":1,\"status\":\"received\"}".getBytes(StandardCharsets.UTF_8));
                } else if (path.equals("/api/v1/keys")) {
                    send(exchange, 200, "application/json", ("{\"keys\":[{\"id\":\"test-key\",\"publicKey\":\"" + publicKey() + "\"}]}").getBytes(StandardCharsets.UTF_8));
                } else if (path.startsWith("/api/v1/lists/") && lists.containsKey(path.substring(14))) {
                    Served s = lists.get(path.substring(14));
                    exchange.getResponseHeaders().set("ETag", s.etag);
                    exchange.getResponseHeaders().set("Wedgewatch-Metadata", s.metadata);
                    exchange.getResponseHeaders().set("Wedgewatch-Signature", s.signature);
                    if (s.etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        exchange.sendResponseHeaders(304, -1);
                    } else {
                        send(exchange, 200, "text/plain; charset=utf-8", s.body);
                    }
                } else if (files.containsKey(path)) {
                    send(exchange, 200, "text/plain; charset=utf-8", files.get(path));
                } else {
                    send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Publishes a list signed as the real server signs it. */
    void publish(String id, int version, String text) throws Exception {
        publishClaiming(id, version, text, text);
    }

    /** Serves `served` with the signature made for `signed`: a tampered copy. */
    void publishClaiming(String id, int version, String signed, String served) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signed.getBytes(StandardCharsets.UTF_8)));
        String metadata = "{\"list\":\"" + id + "\",\"version\":" + version + ",\"sha256\":\"" + sha
                + "\",\"published\":\"2026-01-01T00:00:00Z\",\"expires\":\"2999-01-01T00:00:00Z\",\"key\":\"test-key\"}";
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(metadata.getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        lists.put(id, new Served(served.getBytes(StandardCharsets.UTF_8), "\"" + id + "-" + served.hashCode() + "\"", metadata, signature));
    }

    /** A plain list file, unsigned, as any HTTPS host might serve one. */
    void file(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private String publicKey() {
        byte[] spki = key.getPublic().getEncoded(); // X.509 SubjectPublicKeyInfo: the raw key is its last 32 bytes
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
