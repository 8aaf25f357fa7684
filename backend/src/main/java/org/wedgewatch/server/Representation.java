package org.wedgewatch.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * A list version ready to send: body bytes, gzipped bytes, ETags and every response header
 * computed once, so serving it is a header copy and a buffer write. The ETag covers the signed
 * metadata (which names the body's SHA-256), so a re-signed list gets a new ETag and clients
 * pick up the fresh expiry.
 */
public final class Representation {
    public final StoredVersion stored;
    public final byte[] body;
    public final byte[] gzipped;
    public final String etag;
    public final String gzipEtag;
    /** Headers of a 304 and of a 200, for the identity and the gzip representation. */
    final List<HttpField> plainHeaders;
    final List<HttpField> gzipHeaders;
    final List<HttpField> plainBodyHeaders;
    final List<HttpField> gzipBodyHeaders;

    Representation(StoredVersion stored, String cacheControl) {
        this.stored = stored;
        this.body = stored.body().getBytes(StandardCharsets.UTF_8);
        this.gzipped = gzip(body);
        String tag = stored.version() + "-"
                + Hashes.sha256Hex(stored.signed().metadata().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        this.etag = "\"" + tag + "\"";
        this.gzipEtag = "\"" + tag + "-gz\""; // a different representation needs a different strong ETag
        // A 304 carries what RFC 9110 asks for plus CORS; the signed metadata is not repeated,
        // since the ETag already pins it (it is a hash of the metadata).
        List<HttpField> common = List.of(
                new PreEncodedHttpField("Access-Control-Allow-Origin", "*"),
                new PreEncodedHttpField("Access-Control-Expose-Headers", Cors.EXPOSED),
                new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, cacheControl),
                new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding"));
        List<HttpField> signed = List.of(
                new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, ListHandlers.LIST_TYPE),
                new PreEncodedHttpField("Wedgewatch-Metadata", stored.signed().metadata()),
                new PreEncodedHttpField("Wedgewatch-Signature", stored.signed().signature()),
                new PreEncodedHttpField("Wedgewatch-Key", stored.signed().keyId()));
        this.plainHeaders = with(common, new PreEncodedHttpField(HttpHeader.ETAG, etag));
        this.gzipHeaders = with(common, new PreEncodedHttpField(HttpHeader.ETAG, gzipEtag));
        this.plainBodyHeaders = with(with(plainHeaders, signed.toArray(HttpField[]::new)),
                new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, body.length));
        this.gzipBodyHeaders = with(with(gzipHeaders, signed.toArray(HttpField[]::new)),
                new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, gzipped.length),
                new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip"));
    }

    /** Whether an If-None-Match header names either representation (weak comparison, as RFC 9110 asks). */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) return false;
        if (ifNoneMatch.equals(etag) || ifNoneMatch.equals(gzipEtag)) return true; // the usual case, no splitting
        for (String raw : ifNoneMatch.split(",")) {
            String tag = raw.trim();
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals("*") || tag.equals(etag) || tag.equals(gzipEtag)) return true;
        }
        return false;
    }

    /** The headers for a response: 304 when notModified, else 200 with the body's. */
    List<HttpField> headers(boolean gzip, boolean notModified) {
        if (notModified) return gzip ? gzipHeaders : plainHeaders;
        return gzip ? gzipBodyHeaders : plainBodyHeaders;
    }

    private static List<HttpField> with(List<HttpField> base, HttpField... more) {
        List<HttpField> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
