package org.wedgewatch.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/** /health, /openapi.json, /api/v1/keys and /api/v1/key-chain. */
final class MetaHandlers {
    private static final long PROBE_INTERVAL_MS = 10_000;

    private final Database db;
    private final SigningKeys keys;
    private final ActiveKey signing;
    private final AtomicLong lastProbe = new AtomicLong();
    private final byte[] openapi;

    MetaHandlers(Database db, SigningKeys keys, ActiveKey signing) throws IOException {
        this.db = db;
        this.keys = keys;
        this.signing = signing;
        try (InputStream in = MetaHandlers.class.getResourceAsStream("/openapi.json")) {
            this.openapi = in == null ? "{}".getBytes() : in.readAllBytes();
        }
    }

    /** 200 only when the database answers a read and its last write (or a fresh probe) committed. */
    void health(Context ctx) {
        ObjectNode o = Json.object();
        ctx.header("Cache-Control", "no-store");
        try {
            db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
        } catch (SQLException e) {
            unavailable(ctx, o, "the database cannot be read: " + WriteHealth.describe(e));
            return;
        }
        probeWritesNowAndThen();
        String writeFailure = db.writes().failure();
        if (writeFailure != null) {
            unavailable(ctx, o, "the database cannot write: " + writeFailure);
            return;
        }
        String keyProblem = signing.problem();
        if (keyProblem != null) {
            unavailable(ctx, o, keyProblem);
            return;
        }
        o.put("status", "ok");
        o.put("database", db.isSqlite() ? "sqlite" : "postgresql");
        Json.send(ctx, 200, o);
    }

    private static void unavailable(Context ctx, ObjectNode o, String error) {
        o.put("status", "unavailable");
        o.put("error", error);
        Json.send(ctx, 503, o);
    }

    /** A small write when nothing has written for a while, so a disk that filled up while idle shows too. */
    private void probeWritesNowAndThen() {
        long last = lastProbe.get();
        long now = System.currentTimeMillis();
        if (now - Math.max(last, db.writes().lastAttempt()) < PROBE_INTERVAL_MS || !lastProbe.compareAndSet(last, now)) return;
        try {
            db.transaction(c -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO settings (name, value) VALUES ('health_probe', ?) "
                        + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                    p.setString(1, Long.toString(now));
                    return p.executeUpdate();
                }
            });
        } catch (SQLException e) {
            // recorded by the database's write health, which health() reads next
        }
    }

    void keys(Context ctx) {
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("keys");
        addKey(arr, keys.current(), "current");
        for (SigningKeys.PublicKeyInfo k : keys.retired()) addKey(arr, k, "retired");
        Cors.allowRead(ctx);
        ctx.header("Cache-Control", "public, max-age=300");
        Json.send(ctx, 200, out);
    }

    private static void addKey(ArrayNode arr, SigningKeys.PublicKeyInfo k, String status) {
        arr.addObject().put("id", k.id()).put("algorithm", "Ed25519").put("publicKey", k.base64()).put("status", status);
    }

    /** The roots and the signing key's certificate, as {@code keys activate} stored them; 404 when none is installed. */
    void keyChain(Context ctx) {
        Cors.allowRead(ctx);
        String chain = signing.chain();
        if (chain == null) throw new ApiError(404, "this server has no key chain; its operator has not installed a root");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("application/json; charset=utf-8").result(chain);
    }

    void openapi(Context ctx) {
        Cors.allowRead(ctx);
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("application/json").result(openapi);
    }
}
