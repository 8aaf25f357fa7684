package org.wedgewatch.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wedgewatch.rules.Limits;
import org.wedgewatch.rules.ListCheck;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.ParseResult;
import org.wedgewatch.rules.Problem;

/** /api/v1/lists: the catalogue, current lists, their signatures, history and publishing. */
final class ListHandlers {
    static final String LIST_TYPE = "text/plain; charset=utf-8";
    /** The highest '! Version:' a publish may carry; clients keep versions in 32-bit-safe integers too. */
    static final long MAX_VERSION = Integer.MAX_VALUE;
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final ServerConfig config;
    private final ListStore store;
    private final ListCache cache;
    private final Auth auth;
    private final Database db;
    private final String currentCacheControl;

    static String currentCacheControl(ServerConfig config) {
        return "public, max-age=" + config.currentMaxAge.toSeconds();
    }

    ListHandlers(ServerConfig config, ListStore store, ListCache cache, Auth auth, Database db) {
        this.config = config;
        this.db = db;
        this.store = store;
        this.cache = cache;
        this.auth = auth;
        this.currentCacheControl = currentCacheControl(config);
    }

    /** Ids are [a-z0-9-]{1,64}: this also shuts out path traversal and SQL before anything runs. */
    static String listId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ListParser.isListId(id)) {
            throw new ApiError(400, "a list id is 1-64 of a-z, 0-9 and '-', not '" + abbreviate(id) + "'");
        }
        return id;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    void catalogue(Context ctx) {
        String base = baseUrl(ctx);
        List<Representation> all = new ArrayList<>(cache.all());
        all.sort(Comparator.comparing(r -> r.stored.listId()));
        ObjectNode out = Json.object();
        ArrayNode lists = out.putArray("lists");
        for (Representation r : all) {
            StoredVersion v = r.stored;
            String url = base + "/api/v1/lists/" + v.listId();
            ObjectNode o = lists.addObject();
            o.put("id", v.listId());
            o.put("title", v.title());
            o.put("description", v.description());
            o.put("group", v.group());
            o.put("version", v.version());
            o.put("rules", v.ruleCount());
            o.put("updated", SignedMetadata.time(Instant.ofEpochMilli(v.publishedAt())));
            o.put("sha256", v.sha256());
            o.put("url", url);
            o.put("versionUrl", url + "/versions/" + v.version());
            o.put("signatureUrl", url + "/signature");
            o.put("historyUrl", url + "/versions");
        }
        Cors.allowRead(ctx);
        ctx.header("Cache-Control", "public, max-age=60");
        Json.send(ctx, 200, out);
    }

    /** The hot path: headers and bytes from memory, 304 when the client has it. */
    void current(Context ctx) throws SQLException {
        String id = listId(ctx);
        Representation r = cache.get(id).orElseThrow(() -> notFound(id));
        send(ctx, r); // usually answered by ListFastPath; this route covers the first request after a miss
    }

    void version(Context ctx) throws SQLException {
        String id = listId(ctx);
        long n = versionNumber(ctx.pathParam("n"));
        StoredVersion v = store.version(id, n)
                .orElseThrow(() -> new ApiError(404, "list '" + id + "' has no version " + n));
        send(ctx, new Representation(v, IMMUTABLE));
    }

    private static void send(Context ctx, Representation r) {
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        boolean notModified = r.matches(ctx.header("If-None-Match"));
        for (var field : r.headers(gzip, notModified)) {
            if (!field.is("Content-Type") && !field.is("Content-Length")) ctx.header(field.getName(), field.getValue());
        }
        if (notModified) {
            ctx.status(304);
            return;
        }
        byte[] bytes = gzip ? r.gzipped : r.body;
        ctx.header("Content-Length", Integer.toString(bytes.length));
        ctx.status(200).contentType(LIST_TYPE).result(bytes);
    }

    /**
     * Whether an Accept-Encoding value takes gzip: listed in any case and not with q=0. Read by hand,
     * without splitting or a regex, since every browser's list request asks it.
     */
    static boolean acceptsGzip(String value) {
        if (value == null) return false;
        int n = value.length();
        for (int from = 0; from < n; ) {
            int end = value.indexOf(',', from);
            if (end < 0) end = n;
            int params = value.indexOf(';', from);
            if (params < 0 || params > end) params = end;
            if (isToken(value, from, params, "gzip")) return !zeroQuality(value, params, end);
            from = end + 1;
        }
        return false;
    }

    /** Whether value[from, to), spaces around it aside, is {@code token} in any case. */
    private static boolean isToken(String value, int from, int to, String token) {
        while (from < to && value.charAt(from) == ' ') from++;
        while (to > from && value.charAt(to - 1) == ' ') to--;
        return to - from == token.length() && value.regionMatches(true, from, token, 0, token.length());
    }

    /** Whether the parameters value[from, to) start with q=0 (or 0.0...), spaces ignored. */
    private static boolean zeroQuality(String value, int from, int to) {
        if (from >= to) return false; // no parameters: the common case, nothing made
        StringBuilder q = new StringBuilder();
        for (int i = from + 1; i < to && value.charAt(i) != ';'; i++) {
            if (value.charAt(i) != ' ') q.append(Character.toLowerCase(value.charAt(i)));
        }
        if (q.length() < 3 || q.charAt(0) != 'q' || q.charAt(1) != '=' || q.charAt(2) != '0') return false;
        if (q.length() == 3) return true;
        if (q.charAt(3) != '.') return false;
        for (int i = 4; i < q.length(); i++) if (q.charAt(i) != '0') return false;
        return true;
    }

    void signature(Context ctx) throws SQLException {
        String id = listId(ctx);
        Representation r = cache.get(id).orElseThrow(() -> notFound(id));
        ObjectNode o = Json.object();
        o.put("metadata", r.stored.signed().metadata());
        o.put("signature", r.stored.signed().signature());
        o.put("key", r.stored.signed().keyId());
        o.put("algorithm", "Ed25519");
        Cors.allowRead(ctx);
        ctx.header("Cache-Control", currentCacheControl);
        ctx.header("ETag", r.etag);
        Json.send(ctx, 200, o);
    }

    void history(Context ctx) throws SQLException {
        String id = listId(ctx);
        List<ListStore.HistoryEntry> entries = store.history(id);
        if (entries.isEmpty()) throw notFound(id);
        String base = baseUrl(ctx) + "/api/v1/lists/" + id + "/versions/";
        ObjectNode out = Json.object();
        out.put("list", id);
        ArrayNode arr = out.putArray("versions");
        for (ListStore.HistoryEntry e : entries) {
            arr.addObject().put("version", e.version()).put("publishedBy", e.publishedBy())
                    .put("published", SignedMetadata.time(Instant.ofEpochMilli(e.publishedAt())))
                    .put("sha256", e.sha256()).put("bytes", e.sizeBytes()).put("url", base + e.version());
        }
        Cors.allowRead(ctx);
        ctx.header("Cache-Control", "public, max-age=60");
        Json.send(ctx, 200, out);
    }

    /**
     * PUT: authenticate, read bounded, validate with the shared engine, then one transaction. A
     * refusal after authentication goes to the audit log with its reason.
     */
    void publish(Context ctx) throws SQLException {
        String id = listId(ctx);
        Tokens.Publisher publisher = auth.require(ctx, id);
        try {
            publishAs(ctx, id, publisher);
        } catch (ApiError e) {
            String why = e.status + " " + e.getMessage();
            AuditLog.append(db, AuditLog.PUBLISH_REJECTED, publisher.who(), id, why.length() > 500 ? why.substring(0, 500) : why);
            throw e;
        }
    }

    private void publishAs(Context ctx, String id, Tokens.Publisher publisher) throws SQLException {
        requirePlainText(ctx.header("Content-Type"));
        Long base = ifMatch(ctx.header("If-Match"));
        byte[] bytes = RequestBody.read(ctx, config.maxListBytes, config.bodyReadTimeout);
        String text = RequestBody.utf8(bytes);
        int nul = text.indexOf('\0');
        if (nul >= 0) throw invalid(List.of(at(text, nul, "the list contains a NUL character")));
        ParseResult parsed = ListParser.parse(text, Limits.DEFAULT.withMaxBytes(config.maxListBytes));
        List<Problem> problems = new ArrayList<>(ListCheck.problems(parsed));
        if (parsed.ok() && !parsed.list().id().equals(id)) {
            problems.add(headerProblem(text, "! Id:", "this list says '! Id: " + parsed.list().id()
                    + "' but is published as '" + id + "'"));
        }
        if (parsed.ok() && parsed.list().version() > MAX_VERSION) {
            problems.add(versionProblem(text, "the version must be at most " + MAX_VERSION + ", not "
                    + parsed.list().version() + ": a version that high leaves no room to publish after it"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt((Problem p) -> p.line).thenComparingInt(p -> p.column));
            throw invalid(problems);
        }
        StoredVersion stored = store.publish(publisher, parsed.list(), text, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), base);
        cache.put(stored);
        Representation r = new Representation(stored, currentCacheControl);
        ObjectNode o = Json.object();
        o.put("list", id);
        o.put("version", stored.version());
        o.put("sha256", stored.sha256());
        o.put("etag", r.etag);
        o.put("url", baseUrl(ctx) + "/api/v1/lists/" + id + "/versions/" + stored.version());
        o.put("metadata", stored.signed().metadata());
        o.put("signature", stored.signed().signature());
        ctx.header("ETag", r.etag);
        ctx.header("Location", o.get("url").asText());
        Json.send(ctx, 201, o); // every publish creates the immutable /versions/N resource
    }

    /** Where the value of the '! Version:' header starts (keys match in any case, as the parser reads them). */
    private static Problem versionProblem(String text, String message) {
        int lineStart = 0;
        for (int line = 1; lineStart <= text.length(); line++) {
            int end = text.indexOf('\n', lineStart);
            if (end < 0) end = text.length();
            String l = text.substring(lineStart, end);
            int colon = l.indexOf(':');
            if (l.startsWith("!") && colon > 0 && l.substring(1, colon).trim().toLowerCase(java.util.Locale.ROOT).equals("version")) {
                int column = colon + 2;
                while (column - 1 < l.length() && l.charAt(column - 1) == ' ') column++;
                return new Problem(line, column, message);
            }
            lineStart = end + 1;
        }
        return new Problem(1, 1, message);
    }

    private static void requirePlainText(String contentType) {
        String ct = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        if (!(ct.equals("text/plain") || ct.equals("text/plain;charset=utf-8"))) {
            throw new ApiError(415, "send the list as 'Content-Type: text/plain; charset=utf-8', not '"
                    + (contentType == null ? "(none)" : abbreviate(contentType)) + "'");
        }
    }

    /** If-Match carries the version the maintainer edited: an ETag from this server, "7" or 7. */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank()) return null;
        String v = header.trim();
        if (v.startsWith("W/")) v = v.substring(2);
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) v = v.substring(1, v.length() - 1);
        int dash = v.indexOf('-');
        if (dash >= 0) v = v.substring(0, dash);
        try {
            long n = Long.parseLong(v);
            if (n >= 0) return n;
        } catch (NumberFormatException ignored) {
            // fall through to the error
        }
        throw new ApiError(400, "If-Match must name the version you edited: the ETag you fetched, \"7\" or 7 ('0' for a new list)");
    }

    static long versionNumber(String s) {
        try {
            long n = Long.parseLong(s);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // fall through to the error
        }
        throw new ApiError(400, "a version is a whole number >= 1, not '" + abbreviate(s) + "'");
    }

    private static ApiError invalid(List<Problem> problems) {
        return new ApiError(422, "the list has " + problems.size() + " problem(s); nothing was stored", problems);
    }

    private static ApiError notFound(String id) {
        return new ApiError(404, "no list '" + id + "' has been published");
    }

    private static Problem at(String text, int index, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Problem(line, index - lineStart + 1, message);
    }

    private static Problem headerProblem(String text, String header, String message) {
        int i = text.indexOf(header);
        return i >= 0 ? at(text, i, message) : new Problem(1, 1, message);
    }

    String baseUrl(Context ctx) {
        if (config.publicUrl != null) return config.publicUrl;
        String host = ctx.header("Host");
        return ctx.scheme() + "://" + (host != null && host.matches("[A-Za-z0-9.:\\[\\]-]+") ? host : "localhost");
    }
}
