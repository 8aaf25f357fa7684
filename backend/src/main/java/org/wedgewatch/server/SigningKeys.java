package org.wedgewatch.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The online Ed25519 signing key on disk (owner-only), plus retired public keys that clients may
 * still need. Layout under DATA/keys/: signing.key (PKCS#8), signing.pub (X.509), retired/*.pub.
 * The key is made only on request ({@link #init}); a missing key is an error, never a new key,
 * since a new key would silently break every client that trusts the old one.
 */
public final class SigningKeys {
    private final PrivateKey privateKey;
    private final PublicKeyInfo current;
    private final List<PublicKeyInfo> retired;

    /** A public key as clients see it: id and raw 32 bytes. */
    public record PublicKeyInfo(String id, byte[] raw) {
        public String base64() {
            return Base64.getEncoder().encodeToString(raw);
        }

        static PublicKeyInfo of(byte[] raw) {
            return new PublicKeyInfo(keyId(raw), raw);
        }
    }

    private SigningKeys(PrivateKey privateKey, PublicKeyInfo current, List<PublicKeyInfo> retired) {
        this.privateKey = privateKey;
        this.current = current;
        this.retired = retired;
    }

    public static Path dir(Path dataDir) {
        return dataDir.resolve("keys");
    }

    /** Makes the signing key pair if there is none; true when it made one. */
    public static boolean init(Path dataDir) throws IOException, GeneralSecurityException {
        Path dir = dir(dataDir);
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return KeyFiles.create(dir, "signing");
    }

    public static SigningKeys load(Path dataDir) throws IOException, GeneralSecurityException {
        Path dir = dir(dataDir);
        Path priv = dir.resolve("signing.key");
        Path pub = dir.resolve("signing.pub");
        if (!Files.exists(priv)) {
            throw new OperatorError("there is no signing key at " + priv.toAbsolutePath() + ": restore DATA/keys from your "
                    + "backup (or copy it from another instance); for a brand-new server run 'keys init --data "
                    + dataDir + "' or start once with 'serve --init-keys'");
        }
        if (!Files.exists(pub)) throw new OperatorError(pub.toAbsolutePath() + " is missing; restore it with signing.key");
        PrivateKey privateKey = KeyFiles.readPrivate(priv);
        PublicKeyInfo current = PublicKeyInfo.of(KeyFiles.readPublicRaw(pub));
        List<PublicKeyInfo> retired = new ArrayList<>();
        Path retiredDir = dir.resolve("retired");
        if (Files.isDirectory(retiredDir)) {
            try (Stream<Path> files = Files.list(retiredDir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".pub")).sorted().toList()) {
                    PublicKeyInfo k = PublicKeyInfo.of(KeyFiles.readPublicRaw(p));
                    if (!k.id().equals(current.id())) retired.add(k);
                }
            }
        }
        SigningKeys keys = new SigningKeys(privateKey, current, retired);
        byte[] probe = "wedgewatch key check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!KeyFiles.verify(current.raw(), probe, keys.sign(probe))) {
            throw new OperatorError(priv.toAbsolutePath() + " and signing.pub do not belong together");
        }
        return keys;
    }

    /** First 16 hex digits of SHA-256 over the raw public key. */
    public static String keyId(byte[] raw) {
        return Hashes.sha256Hex(raw).substring(0, 16);
    }

    public byte[] sign(byte[] message) {
        return KeyFiles.sign(privateKey, message);
    }

    public PublicKeyInfo current() {
        return current;
    }

    public List<PublicKeyInfo> retired() {
        return retired;
    }
}
