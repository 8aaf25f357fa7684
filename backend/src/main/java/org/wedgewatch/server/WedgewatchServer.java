package org.wedgewatch.server;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wedgewatch.rules.Problem;

/** The list server: wires database, keys, cache and handlers into one Javalin app. */
public final class WedgewatchServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WedgewatchServer.class);
    /** Set on a request whose error answer is written, so the 404/405 fallbacks leave it alone. */
    public static final String HANDLED = "wedgewatch.error-written";

    private final Database db;
    private final ListCache cache;
    private final Javalin app;

    private WedgewatchServer(Database db, ListCache cache, Javalin app) {
        this.db = db;
        this.cache = cache;
        this.app = app;
    }

    public static WedgewatchServer start(ServerConfig config) throws SQLException, IOException, GeneralSecurityException {
        DataFolder.requireWritable(config.dataDir);
        if (config.initKeys && SigningKeys.init(config.dataDir)) LOG.info("made a new signing key in {}", SigningKeys.dir(config.dataDir));
        SigningKeys keys = SigningKeys.load(config.dataDir);
        Database db = Database.open(config.jdbcUrl());
        ActiveKey active;
        try {
            active = ActiveKey.claim(db, keys);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        ListStore store = new ListStore(db, keys, active, config.signatureValidity,
                new ListStore.Quotas(config.maxListsPerGroup, config.maxVersionsPerGroup));
        ListCache cache = new ListCache(store, keys, active, config.signatureValidity, config.refreshInterval,
                ListHandlers.currentCacheControl(config));
        ClientAddress clients = new ClientAddress(config.trustForwardedFor);
        Auth auth = new Auth(db, clients, new AuthThrottle(config.authFailuresPerMinute, config.authFailureRowsPerMinute));
        ListHandlers lists = new ListHandlers(config, store, cache, auth, db);
        Reports reportStore = new Reports(db);
        ReportHandlers reports = new ReportHandlers(config, reportStore, cache, auth, clients,
                new BodyGate(config.bodiesPerClient, config.bodiesInFlight));
        Services services = new Services(config, db, store, cache, reportStore, clients, active);
        MetaHandlers meta = new MetaHandlers(db, keys, active);

        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.http.generateEtags = false; // ours are strong and computed once per version
            c.http.compressionStrategy = CompressionStrategy.NONE; // lists are gzipped once, at publish
            c.http.maxRequestSize = config.maxListBytes;
            c.jetty.addConnector((server, http) -> connector(server, http, config));
            c.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                server.setHandler(new ListFastPath(cache)); // Javalin nests its own handler inside this one
            });
            c.routes.get("/health", meta::health);
            c.routes.get("/openapi.json", meta::openapi);
            c.routes.get("/api/v1/keys", meta::keys);
            c.routes.get("/api/v1/key-chain", meta::keyChain);
            c.routes.get("/api/v1/lists", lists::catalogue);
            c.routes.get("/api/v1/lists/{id}", lists::current);
            c.routes.put("/api/v1/lists/{id}", lists::publish);
            c.routes.get("/api/v1/lists/{id}/signature", lists::signature);
            c.routes.get("/api/v1/lists/{id}/versions", lists::history);
            c.routes.get("/api/v1/lists/{id}/versions/{n}", lists::version);
            c.routes.post("/api/v1/lists/{id}/reports", reports::submit);
            c.routes.get("/api/v1/lists/{id}/reports", reports::read);
            c.routes.options("/api/v1/lists/{id}/reports", Cors::preflight);
            org.wedgewatch.server.web.WebRoutes.register(c.routes, services); // HTML pages and the console
            c.routes.exception(ApiError.class, (e, ctx) -> {
                e.headers.forEach(ctx::header);
                ctx.attribute(HANDLED, true);
                ctx.status(e.status).contentType("application/json; charset=utf-8").result(Json.error(e.getMessage(), e.problems));
            });
            c.routes.exception(SQLException.class, (e, ctx) -> {
                LOG.error("database error on {} {}", ctx.method(), ctx.path(), e); // with any suppressed rollback error
                ctx.attribute(HANDLED, true);
                ctx.status(503).contentType("application/json; charset=utf-8").result(Json.error("the database could not "
                        + "complete this request, nothing was changed; /health and the server's log say why", List.<Problem>of()));
            });
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                ctx.attribute(HANDLED, true);
                ctx.status(500).contentType("application/json; charset=utf-8")
                        .result(Json.error("internal error; the server's log has the cause", List.<Problem>of()));
            });
            c.routes.error(404, ctx -> notHandled(ctx, "no such resource: " + ctx.method() + " " + ctx.path()));
            c.routes.error(405, ctx -> notHandled(ctx, "method " + ctx.method() + " is not allowed on " + ctx.path()));
        });
        app.start();
        return new WedgewatchServer(db, cache, app);
    }

    /**
     * One selector thread per core, like nginx's worker_processes auto: the list GET is answered on
     * the selector threads (see {@link ListFastPath}), so they, not the pool, must use every core.
     * (Jetty's default is one selector for 2 cores; twice the cores measured slower.)
     */
    private static ServerConnector connector(Server server, HttpConfiguration http, ServerConfig config) {
        int selectors = Runtime.getRuntime().availableProcessors();
        ServerConnector connector = new YieldingConnector(server, selectors, new HttpConnectionFactory(http));
        connector.setHost(config.host);
        connector.setPort(config.port);
        connector.setIdleTimeout(config.idleTimeout.toMillis());
        return connector;
    }

    private static void notHandled(io.javalin.http.Context ctx, String message) {
        if (Boolean.TRUE.equals(ctx.attribute(HANDLED))) return;
        ctx.contentType("application/json; charset=utf-8").result(Json.error(message, List.of()));
    }

    public int port() {
        return app.port();
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        app.stop();
        cache.close();
        db.close();
    }
}
