package org.wedgewatch.server;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Verifies as a client would: raw 32-byte key from /api/v1/keys, signature over the metadata's UTF-8 bytes. */
final class Signatures {
    /** The fixed X.509 SubjectPublicKeyInfo header for Ed25519 (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Signatures() {
    }

    static boolean verify(String rawKeyBase64, byte[] message, String signatureBase64) throws Exception {
        byte[] raw = Base64.getDecoder().decode(rawKeyBase64);
        byte[] x509 = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, x509, X509_PREFIX.length, raw.length);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(key);
        v.update(message);
        return v.verify(Base64.getDecoder().decode(signatureBase64));
    }
}
