package org.wedgewatch.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** /api/v1/lists/{id}/reports: readers post false positives and missed smears; maintainers read them. */
final class ReportHandlers {
    static final Set<String> VERDICTS = Set.of("false-positive", "missed-smear");
    private static final int MAX_BODY = 16_384;
    private static final int MAX_TEXT = 5_000;

    private final ServerConfig config;
    private final Reports reports;
    private final ListCache cache;
    private final Auth auth;
    private final ClientAddress clients;
    private final BodyGate gate;

    ReportHandlers(ServerConfig config, Reports reports, ListCache cache, Auth auth, ClientAddress clients, BodyGate gate) {
        this.config = config;
        this.reports = reports;
        this.cache = cache;
        this.auth = auth;
        this.clients = clients;
        this.gate = gate;
    }

    void submit(Context ctx) throws SQLException {
        Cors.allowRead(ctx);
        String id = ListHandlers.listId(ctx);
        String ct = ctx.header("Content-Type");
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "send the report as 'Content-Type: application/json'");
        }
        Representation list = cache.get(id).orElseThrow(() -> new ApiError(404, "no list '" + id + "' has been published"));
        String address = clients.of(ctx);
        byte[] bytes;
        try (BodyGate.Pass ignored = gate.enter(address)) {
            bytes = RequestBody.read(ctx, MAX_BODY, config.reportReadTimeout);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(RequestBody.utf8(bytes));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ApiError(400, "the body is not JSON: " + e.getOriginalMessage().split("\n")[0]
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ApiError(400, "the body is not JSON");
        }
        if (body == null || !body.isObject()) throw new ApiError(400, "the body must be a JSON object");
        String rule = body.path("rule").asText("");
        if (!rule.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new ApiError(400, "\"rule\" must be the id of a rule (letters, digits, '.', '_', '-')");
        }
        String verdict = body.path("verdict").asText("");
        if (!VERDICTS.contains(verdict)) throw new ApiError(400, "\"verdict\" must be \"false-positive\" or \"missed-smear\"");
        Long version = null;
        if (body.has("version")) {
            if (!body.get("version").canConvertToLong() || body.get("version").asLong() < 1) {
                throw new ApiError(400, "\"version\" must be a whole number >= 1");
            }
            version = body.get("version").asLong();
        }
        String text = null;
        if (body.hasNonNull("text")) {
            if (!body.get("text").isTextual()) throw new ApiError(400, "\"text\" must be a string");
            text = body.get("text").asText();
            if (text.length() > MAX_TEXT) throw new ApiError(400, "\"text\" is longer than " + MAX_TEXT + " characters");
            if (text.indexOf('\0') >= 0) throw new ApiError(400, "\"text\" contains a NUL character");
        }
        if (version == null) version = list.stored.version();
        long hourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        String reportId = reports.addWithinLimit(id, version, rule, verdict, text, reports.clientHash(address),
                config.reportsPerHour, hourAgo).orElseThrow(() -> new ApiError(429, "too many reports from this address; at most "
                + config.reportsPerHour + " an hour", List.of(), Map.of("Retry-After", "3600")));
        ObjectNode o = Json.object();
        o.put("id", reportId);
        o.put("status", "received");
        Json.send(ctx, 202, o);
    }

    void read(Context ctx) throws SQLException {
        String id = ListHandlers.listId(ctx);
        Tokens.Publisher publisher = auth.require(ctx, id + "/reports");
        Representation list = cache.get(id).orElseThrow(() -> new ApiError(404, "no list '" + id + "' has been published"));
        auth.requireGroup(publisher, list.stored.group(), id, id + "/reports");
        ObjectNode out = Json.object();
        out.put("list", id);
        ArrayNode arr = out.putArray("reports");
        for (Reports.Report r : reports.forList(id, 1000)) {
            ObjectNode o = arr.addObject();
            o.put("id", r.id());
            if (r.version() != null) o.put("version", r.version());
            o.put("rule", r.rule());
            o.put("verdict", r.verdict());
            if (r.text() != null) o.put("text", r.text());
            o.put("received", SignedMetadata.time(Instant.ofEpochMilli(r.receivedAt())));
        }
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, 200, out);
    }
}
