package org.wedgewatch.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * What a signature covers: list id, version, SHA-256 of the body, publish time, expiry and key id,
 * as one canonical JSON string (fixed key order, no spaces, times in whole UTC seconds). Clients
 * verify the signature over the exact UTF-8 bytes of this string, then parse it.
 */
public record SignedMetadata(String metadata, String signature) {

    public static SignedMetadata sign(SigningKeys keys, String listId, long version, String sha256,
                                      Instant published, Instant expires) {
        // listId is [a-z0-9-] and sha256 is hex, so nothing here needs JSON escaping.
        String json = "{\"list\":\"" + listId + "\",\"version\":" + version + ",\"sha256\":\"" + sha256
                + "\",\"published\":\"" + time(published) + "\",\"expires\":\"" + time(expires)
                + "\",\"key\":\"" + keys.current().id() + "\"}";
        byte[] sig = keys.sign(json.getBytes(StandardCharsets.UTF_8));
        return new SignedMetadata(json, Base64.getEncoder().encodeToString(sig));
    }

    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The instant in the "expires" field. */
    public Instant expires() {
        return Instant.parse(field("expires"));
    }

    public String keyId() {
        return field("key");
    }

    private String field(String name) {
        String marker = "\"" + name + "\":\"";
        int start = metadata.indexOf(marker) + marker.length();
        return metadata.substring(start, metadata.indexOf('"', start));
    }
}
