package org.wedgewatch.server;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens on maintainer endpoints: 401 without a live token, 429 for an address that keeps
 * failing; failures and 403s go to the audit log (failures bounded, see {@link AuthThrottle}).
 */
final class Auth {
    private final Database db;
    private final ClientAddress clients;
    private final AuthThrottle throttle;

    Auth(Database db, ClientAddress clients, AuthThrottle throttle) {
        this.db = db;
        this.clients = clients;
        this.throttle = throttle;
    }

    Tokens.Publisher require(Context ctx, String subject) throws SQLException {
        String address = clients.of(ctx);
        if (throttle.blocked(address)) {
            throw new ApiError(429, "too many failed authentications from this address; wait a minute", List.of(),
                    Map.of("Retry-After", "60"));
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            failed(address, subject, "no bearer token");
            throw new ApiError(401, "this needs a maintainer token: send 'Authorization: Bearer TOKEN'", List.of(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"wedgewatch\""));
        }
        Optional<Tokens.Publisher> publisher = Tokens.authenticate(db, header.substring(7).trim());
        if (publisher.isEmpty()) {
            failed(address, subject, "unknown or revoked token");
            throw new ApiError(401, "the token is unknown or revoked", List.of(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"wedgewatch\", error=\"invalid_token\""));
        }
        return publisher.get();
    }

    private void failed(String address, String subject, String why) throws SQLException {
        AuthThrottle.Audit audit = throttle.failed(address);
        if (audit.summarize() > 0) {
            AuditLog.append(db, AuditLog.AUTH_FAILED_SUPPRESSED, "server", "*",
                    audit.summarize() + " more failed authentications in the previous minute(s), not written one by one");
        }
        if (audit.writeThis()) AuditLog.append(db, AuditLog.AUTH_FAILED, address, subject, why);
    }

    /** 403, written to the audit log, when the token is live but speaks for another group. */
    void requireGroup(Tokens.Publisher publisher, String owner, String listId, String subject) throws SQLException {
        if (!publisher.group().equals(owner)) {
            AuditLog.append(db, AuditLog.FORBIDDEN, publisher.who(), subject, "the list belongs to group '" + owner + "'");
            throw new ApiError(403, "list '" + listId + "' belongs to group '" + owner + "', this token is for '"
                    + publisher.group() + "'");
        }
    }
}
