package org.wedgewatch.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wedgewatch.server.Services;
import org.wedgewatch.server.WedgewatchServer;
import org.wedgewatch.server.console.Console;

/** Every HTML route: the public pages, the maintainer console, and their static files. */
public final class WebRoutes {
    /** Served files, by URL name: our own, and the engine bundle the extension module built (extension/web/console-engine.js: the TeaVM build and its JS API). */
    private static final Map<String, String> STATIC = Map.of(
            "style.css", "text/css; charset=utf-8",
            "copy.js", "text/javascript; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "engine.js", "text/javascript; charset=utf-8");
    private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

    private WebRoutes() {
    }

    public static void register(RoutesConfig routes, Services services) {
        PublicPages pages = new PublicPages(services);
        routes.get("/", pages::catalogue);
        routes.get("/lists/{id}", pages::list);
        routes.get("/lists/{id}/diff", pages::diff);
        routes.get("/static/{file}", WebRoutes::asset);
        Console.register(routes, services);
        routes.exception(PageError.class, (e, ctx) -> {
            ctx.attribute(WedgewatchServer.HANDLED, true);
            Lang lang = Lang.of(ctx);
            Html h = new Html().raw("<h1>").text(lang.t("error.title")).raw("</h1><p role=\"alert\">").text(e.getMessage())
                    .raw("</p><p><a href=\"/\">").text(lang.t("error.home")).raw("</a></p>");
            Layout.send(ctx, e.status, lang, lang.t("error.title"), null, h);
        });
    }

    private static void asset(Context ctx) {
        String name = ctx.pathParam("file");
        String type = STATIC.get(name);
        byte[] bytes = type == null ? null : LOADED.computeIfAbsent(name, WebRoutes::load);
        if (bytes == null || bytes.length == 0) throw new PageError(404, "no such file: " + name);
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(type).result(bytes);
    }

    private static byte[] load(String name) {
        String path = name.startsWith("engine") ? "/web/engine/" + name : "/web/" + name;
        try (InputStream in = WebRoutes.class.getResourceAsStream(path)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
