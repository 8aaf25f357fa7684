package org.wedgewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wedgewatch.rules.Limits;
import org.wedgewatch.rules.ListCheck;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.ParseResult;
import org.wedgewatch.rules.Problem;

/**
 * What the HTML pages and the console (org.wedgewatch.server.web, .console) use of the server:
 * its settings, database, lists, reports, and publishing with the same checks as the API.
 */
public final class Services {
    public final ServerConfig config;
    public final Database db;
    public final ListStore store;
    public final ListCache cache;
    public final Reports reports;
    private final ClientAddress clients;
    private final ActiveKey signing;

    Services(ServerConfig config, Database db, ListStore store, ListCache cache, Reports reports, ClientAddress clients,
             ActiveKey signing) {
        this.config = config;
        this.db = db;
        this.store = store;
        this.cache = cache;
        this.reports = reports;
        this.clients = clients;
        this.signing = signing;
    }

    /**
     * The fingerprint of the newest root of the key chain this server serves: what a subscriber's
     * extension pins once it has walked the chain. Empty when no chain is installed.
     */
    public Optional<String> rootFingerprint() {
        String chain = signing.chain();
        if (chain == null) return Optional.empty();
        try {
            JsonNode roots = Json.MAPPER.readTree(chain).path("roots");
            if (!roots.isArray() || roots.isEmpty()) return Optional.empty();
            return Optional.of(KeyChain.fingerprint(KeyChain.Envelope.parse(roots.get(roots.size() - 1))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // /health names an unreadable chain
        }
    }

    public String clientAddress(Context ctx) {
        return clients.of(ctx);
    }

    /** Whether the browser reached us over HTTPS (directly, or through a proxy we were told to trust). */
    public boolean secure(Context ctx) {
        if ("https".equals(ctx.scheme())) return true;
        if (config.trustForwardedFor && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))) return true;
        return config.publicUrl != null && config.publicUrl.startsWith("https://");
    }

    /** scheme://host[:port] as the browser sees this server. */
    public String origin(Context ctx) {
        if (config.publicUrl != null) {
            int slash = config.publicUrl.indexOf('/', config.publicUrl.indexOf("//") + 2);
            return slash < 0 ? config.publicUrl : config.publicUrl.substring(0, slash);
        }
        String host = ctx.header("Host");
        return (secure(ctx) ? "https" : "http") + "://"
                + (host != null && host.matches("[A-Za-z0-9.:\\[\\]-]+") ? host : "localhost");
    }

    public String baseUrl(Context ctx) {
        return config.publicUrl != null ? config.publicUrl : origin(ctx);
    }

    /** Every problem that keeps this text from being published as list {@code id}: the API's checks. */
    public static List<Problem> problems(String id, String text, int maxBytes) {
        List<Problem> problems = new ArrayList<>();
        int nul = text.indexOf('\0');
        if (nul >= 0) return List.of(new Problem(1, 1, "the list contains a NUL character"));
        ParseResult parsed = ListParser.parse(text, Limits.DEFAULT.withMaxBytes(maxBytes));
        problems.addAll(ListCheck.problems(parsed));
        if (parsed.ok() && !parsed.list().id().equals(id)) {
            problems.add(new Problem(1, 1, "this list says '! Id: " + parsed.list().id() + "' but is published as '" + id + "'"));
        }
        problems.sort(Comparator.comparingInt((Problem p) -> p.line).thenComparingInt(p -> p.column));
        return problems;
    }

    /**
     * Checks and publishes on behalf of a signed-in maintainer. Throws ApiError 422 with the
     * problems, 412 when {@code base} is no longer current, 409 when the version does not go up.
     */
    public StoredVersion publish(Tokens.Publisher publisher, String id, String text, long base) throws SQLException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > config.maxListBytes) {
            throw new ApiError(413, "the list is larger than the limit of " + config.maxListBytes + " bytes");
        }
        List<Problem> problems = problems(id, text, config.maxListBytes);
        if (!problems.isEmpty()) {
            throw new ApiError(422, "the list has " + problems.size() + " problem(s); nothing was stored", problems);
        }
        ParseResult parsed = ListParser.parse(text, Limits.DEFAULT.withMaxBytes(config.maxListBytes));
        StoredVersion stored = store.publish(publisher, parsed.list(), text, bytes, base);
        cache.put(stored);
        return stored;
    }
}
