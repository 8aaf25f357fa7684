package org.wedgewatch.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.Statement;

/** /health, /openapi.json and /api/v1/keys. */
final class MetaHandlers {
    private final Database db;
    private final SigningKeys keys;
    private final byte[] openapi;

    MetaHandlers(Database db, SigningKeys keys) throws IOException {
        this.db = db;
        this.keys = keys;
        try (InputStream in = MetaHandlers.class.getResourceAsStream("/openapi.json")) {
            this.openapi = in == null ? "{}".getBytes() : in.readAllBytes();
        }
    }

    void health(Context ctx) {
        ObjectNode o = Json.object();
        try {
            db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
            o.put("status", "ok");
            o.put("database", db.isSqlite() ? "sqlite" : "postgresql");
            ctx.header("Cache-Control", "no-store");
            Json.send(ctx, 200, o);
        } catch (Exception e) {
            o.put("status", "unavailable");
            o.put("error", "database: " + e.getMessage());
            Json.send(ctx, 503, o);
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

    void openapi(Context ctx) {
        Cors.allowRead(ctx);
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("application/json").result(openapi);
    }
}
