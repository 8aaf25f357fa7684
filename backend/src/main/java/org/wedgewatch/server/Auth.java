package org.wedgewatch.server;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bearer tokens on maintainer endpoints: 401 without a live token, failures go to the audit log. */
final class Auth {
    private final Database db;
    private final ClientAddress clients;

    Auth(Database db, ClientAddress clients) {
        this.db = db;
        this.clients = clients;
    }

    Tokens.Publisher require(Context ctx, String subject) throws SQLException {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            AuditLog.append(db, AuditLog.AUTH_FAILED, clients.of(ctx), subject, "no bearer token");
            throw new ApiError(401, "this needs a maintainer token: send 'Authorization: Bearer TOKEN'", List.of(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"wedgewatch\""));
        }
        Optional<Tokens.Publisher> publisher = Tokens.authenticate(db, header.substring(7).trim());
        if (publisher.isEmpty()) {
            AuditLog.append(db, AuditLog.AUTH_FAILED, clients.of(ctx), subject, "unknown or revoked token");
            throw new ApiError(401, "the token is unknown or revoked", List.of(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"wedgewatch\", error=\"invalid_token\""));
        }
        return publisher.get();
    }

    /** 403 when the token is live but speaks for another group. */
    static void requireGroup(Tokens.Publisher publisher, String owner, String listId) {
        if (!publisher.group().equals(owner)) {
            throw new ApiError(403, "list '" + listId + "' belongs to group '" + owner + "', this token is for '"
                    + publisher.group() + "'");
        }
    }
}
