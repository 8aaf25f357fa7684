package org.wedgewatch.server;

import io.javalin.http.Context;

/** The extension reads lists, signatures and headers from any origin, and may post reports. */
final class Cors {
    static final String EXPOSED = "ETag, Content-Length, Wedgewatch-Metadata, Wedgewatch-Signature, Wedgewatch-Key";

    private Cors() {
    }

    static void allowRead(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", EXPOSED);
    }

    /** The preflight answer for POST .../reports with a JSON body. */
    static void preflight(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Content-Type, If-None-Match");
        ctx.header("Access-Control-Max-Age", "86400");
        ctx.status(204);
    }
}
