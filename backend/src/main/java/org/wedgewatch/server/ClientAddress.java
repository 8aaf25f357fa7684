package org.wedgewatch.server;

import io.javalin.http.Context;

/** The client's address: the socket peer, or the last X-Forwarded-For hop when a trusted proxy is configured. */
final class ClientAddress {
    private final boolean trustForwardedFor;

    ClientAddress(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    String of(Context ctx) {
        if (trustForwardedFor) {
            String xff = ctx.header("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                // Our proxy appends the address it saw; anything before it came from the client.
                String[] hops = xff.split(",");
                return hops[hops.length - 1].trim();
            }
        }
        return ctx.req().getRemoteAddr();
    }
}
