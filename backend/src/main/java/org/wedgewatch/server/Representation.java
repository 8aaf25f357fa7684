package org.wedgewatch.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A list version ready to send: body bytes, gzipped bytes and ETags computed once, so serving it is
 * a header lookup and a copy. The ETag covers the signed metadata (which names the body's SHA-256),
 * so a re-signed list gets a new ETag and clients pick up the fresh expiry.
 */
public final class Representation {
    public final StoredVersion stored;
    public final byte[] body;
    public final byte[] gzipped;
    public final String etag;
    public final String gzipEtag;

    Representation(StoredVersion stored) {
        this.stored = stored;
        this.body = stored.body().getBytes(StandardCharsets.UTF_8);
        this.gzipped = gzip(body);
        String tag = stored.version() + "-"
                + Hashes.sha256Hex(stored.signed().metadata().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        this.etag = "\"" + tag + "\"";
        this.gzipEtag = "\"" + tag + "-gz\""; // a different representation needs a different strong ETag
    }

    /** Whether an If-None-Match header names either representation (weak comparison, as RFC 9110 asks). */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) return false;
        for (String raw : ifNoneMatch.split(",")) {
            String tag = raw.trim();
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals("*") || tag.equals(etag) || tag.equals(gzipEtag)) return true;
        }
        return false;
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
