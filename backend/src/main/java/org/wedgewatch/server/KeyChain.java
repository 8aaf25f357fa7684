package org.wedgewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keys that rotate the way TUF rotates roots. A root names k-of-n Ed25519 keys (kept offline);
 * root N+1 counts only when a threshold of root N's keys and a threshold of its own keys signed
 * it; a certificate signed by a threshold of the newest root's keys names the online signing key
 * and its expiry. Clients pin a root's fingerprint, not a key, so both kinds of key can change.
 *
 * <p>Every signed document travels as an envelope {"signed": STRING, "signatures": [{key, signature}]}:
 * the signatures cover the exact UTF-8 bytes of STRING, which is parsed only after they verify.
 * Clients run the same checks; see extension/src/background/key-chain.js and docs/server-api.md.
 */
public final class KeyChain {
    public static final String ROOT_TYPE = "wedgewatch-root";
    public static final String CERTIFICATE_TYPE = "wedgewatch-signing-key";

    private KeyChain() {
    }

    /** A signed document and its signatures, by key id. */
    public record Envelope(String signed, Map<String, String> signatures) {
        public static Envelope unsigned(String signed) {
            return new Envelope(signed, new LinkedHashMap<>());
        }

        public Envelope signedBy(java.security.PrivateKey key, byte[] publicRaw) {
            Map<String, String> sigs = new LinkedHashMap<>(signatures);
            sigs.put(SigningKeys.keyId(publicRaw), Base64.getEncoder().encodeToString(
                    KeyFiles.sign(key, signed.getBytes(StandardCharsets.UTF_8))));
            return new Envelope(signed, sigs);
        }

        public ObjectNode toJson() {
            ObjectNode o = Json.object();
            o.put("signed", signed);
            ArrayNode arr = o.putArray("signatures");
            signatures.forEach((k, s) -> arr.addObject().put("key", k).put("signature", s));
            return o;
        }

        public static Envelope parse(JsonNode o) {
            if (o == null || !o.path("signed").isTextual() || !o.path("signatures").isArray()) {
                throw new IllegalArgumentException("not a signed document: it needs \"signed\" (a string) and \"signatures\" (a list)");
            }
            Map<String, String> sigs = new LinkedHashMap<>();
            for (JsonNode s : o.path("signatures")) sigs.put(s.path("key").asText(), s.path("signature").asText());
            return new Envelope(o.path("signed").asText(), sigs);
        }

        public static Envelope parse(String json) {
            try {
                return parse(Json.MAPPER.readTree(json));
            } catch (IOException e) {
                throw new IllegalArgumentException("not JSON: " + firstLine(e.getMessage()));
            }
        }
    }

    /** A root: its version, how many of its keys must sign, and the keys by id. */
    public record Root(int version, int threshold, Map<String, byte[]> keys) {
    }

    /** The online signing key as a root certified it. */
    public record Certificate(int root, String keyId, byte[] key, Instant issued, Instant expires) {
    }

    /** Canonical root text: fixed key order, keys sorted by id, no spaces. */
    public static String rootDocument(int version, int threshold, List<byte[]> publicKeys) {
        Map<String, byte[]> byId = new TreeMap<>();
        for (byte[] k : publicKeys) byId.put(SigningKeys.keyId(k), k);
        if (version < 1) throw new IllegalArgumentException("a root version is a whole number >= 1");
        if (threshold < 1 || threshold > byId.size()) {
            throw new IllegalArgumentException("the threshold must be between 1 and the number of distinct keys (" + byId.size() + ")");
        }
        StringBuilder sb = new StringBuilder("{\"type\":\"" + ROOT_TYPE + "\",\"version\":" + version
                + ",\"threshold\":" + threshold + ",\"keys\":[");
        String sep = "";
        for (Map.Entry<String, byte[]> e : byId.entrySet()) {
            sb.append(sep).append("{\"id\":\"").append(e.getKey()).append("\",\"publicKey\":\"")
                    .append(Base64.getEncoder().encodeToString(e.getValue())).append("\"}");
            sep = ",";
        }
        return sb.append("]}").toString();
    }

    public static String certificateDocument(int rootVersion, byte[] signingKey, Instant issued, Instant expires) {
        return "{\"type\":\"" + CERTIFICATE_TYPE + "\",\"root\":" + rootVersion + ",\"key\":{\"id\":\""
                + SigningKeys.keyId(signingKey) + "\",\"publicKey\":\"" + Base64.getEncoder().encodeToString(signingKey)
                + "\"},\"issued\":\"" + SignedMetadata.time(issued) + "\",\"expires\":\"" + SignedMetadata.time(expires) + "\"}";
    }

    /** SHA-256 hex of a root's signed text: what a client pins. */
    public static String fingerprint(Envelope root) {
        return Hashes.sha256Hex(root.signed().getBytes(StandardCharsets.UTF_8));
    }

    public static Root parseRoot(String signed) {
        JsonNode o = tree(signed);
        if (!ROOT_TYPE.equals(o.path("type").asText())) throw new IllegalArgumentException("not a root (type is not " + ROOT_TYPE + ")");
        int version = positiveInt(o.path("version"), "root version");
        int threshold = positiveInt(o.path("threshold"), "root threshold");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (JsonNode k : o.path("keys")) {
            byte[] raw = base64(k.path("publicKey").asText(), 32, "root key");
            String id = SigningKeys.keyId(raw);
            if (!id.equals(k.path("id").asText())) throw new IllegalArgumentException("root key id " + k.path("id") + " does not match its key");
            keys.put(id, raw);
        }
        if (threshold > keys.size()) throw new IllegalArgumentException("root " + version + " needs more signatures than it has keys");
        return new Root(version, threshold, keys);
    }

    public static Certificate parseCertificate(String signed) {
        JsonNode o = tree(signed);
        if (!CERTIFICATE_TYPE.equals(o.path("type").asText())) {
            throw new IllegalArgumentException("not a signing-key certificate (type is not " + CERTIFICATE_TYPE + ")");
        }
        byte[] raw = base64(o.path("key").path("publicKey").asText(), 32, "signing key");
        String id = SigningKeys.keyId(raw);
        if (!id.equals(o.path("key").path("id").asText())) throw new IllegalArgumentException("the certified key id does not match its key");
        return new Certificate(positiveInt(o.path("root"), "certificate root"), id, raw, instant(o.path("issued")),
                instant(o.path("expires")));
    }

    /** How many distinct keys of {@code keys} made a valid signature over the envelope's text. */
    static int validSignatures(Envelope e, Map<String, byte[]> keys) {
        byte[] message = e.signed().getBytes(StandardCharsets.UTF_8);
        int n = 0;
        for (Map.Entry<String, String> s : e.signatures().entrySet()) {
            byte[] key = keys.get(s.getKey());
            if (key == null) continue;
            byte[] sig;
            try {
                sig = Base64.getDecoder().decode(s.getValue());
            } catch (IllegalArgumentException bad) {
                continue;
            }
            if (KeyFiles.verify(key, message, sig)) n++;
        }
        return n;
    }

    /**
     * Checks a whole chain as a client that pinned the first root would: each root signed by a
     * threshold of its own keys (and of the one before), versions 1 apart, the certificate signed
     * by a threshold of the newest root, for that root, and not expired.
     *
     * @return the certificate, when every check holds
     */
    public static Certificate verify(List<Envelope> roots, Envelope certificate, Instant now) {
        if (roots.isEmpty()) throw new IllegalArgumentException("the chain has no root");
        Root current = null;
        for (Envelope e : roots) {
            Root next = parseRoot(e.signed());
            if (current != null && next.version() != current.version() + 1) {
                throw new IllegalArgumentException("root " + next.version() + " follows root " + current.version() + "; versions go up by one");
            }
            if (current != null && validSignatures(e, current.keys()) < current.threshold()) {
                throw new IllegalArgumentException("root " + next.version() + " lacks " + current.threshold()
                        + " signatures from the keys of root " + current.version());
            }
            if (validSignatures(e, next.keys()) < next.threshold()) {
                throw new IllegalArgumentException("root " + next.version() + " lacks " + next.threshold() + " signatures from its own keys");
            }
            current = next;
        }
        Certificate cert = parseCertificate(certificate.signed());
        if (cert.root() != current.version()) {
            throw new IllegalArgumentException("the certificate is for root " + cert.root() + " but the newest root is "
                    + current.version() + "; certify the signing key again under the new root");
        }
        if (validSignatures(certificate, current.keys()) < current.threshold()) {
            throw new IllegalArgumentException("the certificate lacks " + current.threshold() + " signatures from the keys of root " + current.version());
        }
        if (!cert.expires().isAfter(now)) throw new IllegalArgumentException("the certificate expired at " + SignedMetadata.time(cert.expires()));
        return cert;
    }

    /** The chain as the server serves it: {"roots": [...], "signingKey": {...}}. */
    public static ObjectNode chainJson(List<Envelope> roots, Envelope certificate) {
        return chainJson(roots, certificate, List.of());
    }

    /**
     * The same with "previousSigningKeys": certificates of earlier online keys that have not
     * expired, so a client that trusts one of those keys, and no root yet, can see that a root
     * of this chain certified it.
     */
    public static ObjectNode chainJson(List<Envelope> roots, Envelope certificate, List<Envelope> previous) {
        ObjectNode o = Json.object();
        ArrayNode arr = o.putArray("roots");
        for (Envelope r : roots) arr.add(r.toJson());
        o.set("signingKey", certificate.toJson());
        if (!previous.isEmpty()) {
            ArrayNode past = o.putArray("previousSigningKeys");
            for (Envelope c : previous) past.add(c.toJson());
        }
        return o;
    }

    /**
     * Of {@code candidates}, the certificates worth keeping beside the current one (for key
     * {@code currentKeyId}): readable, for another key, signed by a threshold of the root they
     * name (one of {@code roots}), and not expired at {@code now}; one per key.
     */
    public static List<Envelope> stillValidPast(List<Envelope> roots, List<Envelope> candidates, String currentKeyId, Instant now) {
        Map<Integer, Root> byVersion = new TreeMap<>();
        for (Envelope r : roots) {
            Root root = parseRoot(r.signed());
            byVersion.put(root.version(), root);
        }
        Map<String, Envelope> kept = new LinkedHashMap<>();
        for (Envelope e : candidates) {
            Certificate cert;
            try {
                cert = parseCertificate(e.signed());
            } catch (IllegalArgumentException unreadable) {
                continue;
            }
            Root root = byVersion.get(cert.root());
            if (cert.keyId().equals(currentKeyId) || kept.containsKey(cert.keyId()) || root == null
                    || !cert.expires().isAfter(now) || validSignatures(e, root.keys()) < root.threshold()) {
                continue;
            }
            kept.put(cert.keyId(), e);
        }
        return new ArrayList<>(kept.values());
    }

    /** The current and previous certificates of a stored chain, current first. */
    public static List<Envelope> certificates(JsonNode chain) {
        List<Envelope> out = new ArrayList<>();
        if (chain.has("signingKey")) out.add(Envelope.parse(chain.path("signingKey")));
        for (JsonNode c : chain.path("previousSigningKeys")) out.add(Envelope.parse(c));
        return out;
    }

    public static List<Envelope> roots(JsonNode chain) {
        List<Envelope> out = new ArrayList<>();
        for (JsonNode r : chain.path("roots")) out.add(Envelope.parse(r));
        return out;
    }

    private static JsonNode tree(String signed) {
        try {
            JsonNode o = Json.MAPPER.readTree(signed);
            if (o == null || !o.isObject()) throw new IllegalArgumentException("the signed text is not a JSON object");
            return o;
        } catch (IOException e) {
            throw new IllegalArgumentException("the signed text is not JSON: " + firstLine(e.getMessage()));
        }
    }

    private static int positiveInt(JsonNode n, String what) {
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) throw new IllegalArgumentException(what + " must be a whole number >= 1");
        return n.asInt();
    }

    private static byte[] base64(String s, int length, String what) {
        try {
            byte[] b = Base64.getDecoder().decode(s);
            if (b.length == length) return b;
        } catch (IllegalArgumentException ignored) {
            // fall through to the error
        }
        throw new IllegalArgumentException(what + " must be base64 of " + length + " bytes");
    }

    private static Instant instant(JsonNode n) {
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + n.asText() + "' is not a UTC time like 2026-01-31T12:00:00Z");
        }
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
