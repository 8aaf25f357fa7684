package org.wedgewatch.server.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The pages' language, English or Spanish as the extension: {@code ?lang=} (remembered in a
 * cookie), else the cookie, else the browser's Accept-Language. Texts live in web/messages-*.properties.
 */
public final class Lang {
    public static final Lang EN = load("en");
    public static final Lang ES = load("es");
    private static final String COOKIE = "ww_lang";

    public final String code;
    private final Properties texts;

    private Lang(String code, Properties texts) {
        this.code = code;
        this.texts = texts;
    }

    private static Lang load(String code) {
        Properties p = new Properties();
        try (InputStream in = Lang.class.getResourceAsStream("/web/messages-" + code + ".properties")) {
            if (in == null) throw new IllegalStateException("missing /web/messages-" + code + ".properties");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Lang(code, p);
    }

    /** The text for key, with {0}, {1}... replaced by args (as given: escape at the call site). */
    public String t(String key, Object... args) {
        String s = texts.getProperty(key);
        if (s == null) s = EN.texts.getProperty(key);
        if (s == null) throw new IllegalArgumentException("no text for '" + key + "'");
        for (int i = 0; i < args.length; i++) s = s.replace("{" + i + "}", String.valueOf(args[i]));
        return s;
    }

    public static Lang of(Context ctx) {
        String asked = ctx.queryParam("lang");
        if ("en".equals(asked) || "es".equals(asked)) {
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + asked + "; Path=/; Max-Age=31536000; SameSite=Lax");
            return "es".equals(asked) ? ES : EN;
        }
        String remembered = ctx.cookie(COOKIE);
        if ("en".equals(remembered) || "es".equals(remembered)) return "es".equals(remembered) ? ES : EN;
        return fromAcceptLanguage(ctx.header("Accept-Language"));
    }

    /** The first of en/es by quality in an Accept-Language value; English when neither is there. */
    static Lang fromAcceptLanguage(String header) {
        if (header == null) return EN;
        double best = 0;
        Lang chosen = EN;
        for (String part : header.split(",")) {
            String[] bits = part.trim().split(";");
            String tag = bits[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                String b = bits[i].trim();
                if (b.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(b.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            Lang l = tag.equals("es") || tag.startsWith("es-") ? ES : tag.equals("en") || tag.startsWith("en-") ? EN : null;
            if (l != null && q > best) {
                best = q;
                chosen = l;
            }
        }
        return chosen;
    }

    /** Every key of both languages, for the test that they match. */
    static Map<Object, Object> texts(Lang l) {
        return Map.copyOf(l.texts);
    }
}
