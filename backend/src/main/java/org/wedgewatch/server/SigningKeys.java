package org.wedgewatch.server;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Ed25519 signing key on disk (owner-only), made at first start, plus retired public keys
 * that clients may still need. Layout under DATA/keys/: signing.key (PKCS#8), signing.pub (X.509),
 * retired/*.pub. Rotation: move signing.key and signing.pub into retired/, restart; see docs/server-api.md.
 */
public final class SigningKeys {
    /** JDK X.509 encodings of Ed25519 public keys are this fixed prefix followed by the raw 32 bytes. */
    private static final int X509_PREFIX = 12;

    private final PrivateKey privateKey;
    private final PublicKeyInfo current;
    private final List<PublicKeyInfo> retired;

    /** A public key as clients see it: id and raw 32 bytes. */
    public record PublicKeyInfo(String id, byte[] raw) {
        public String base64() {
            return Base64.getEncoder().encodeToString(raw);
        }
    }

    private SigningKeys(PrivateKey privateKey, PublicKeyInfo current, List<PublicKeyInfo> retired) {
        this.privateKey = privateKey;
        this.current = current;
        this.retired = retired;
    }

    public static SigningKeys loadOrCreate(Path dataDir) throws IOException, GeneralSecurityException {
        Path dir = dataDir.resolve("keys");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path priv = dir.resolve("signing.key");
        Path pub = dir.resolve("signing.pub");
        if (!Files.exists(priv)) create(dir, priv, pub);
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        PrivateKey privateKey = kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv)));
        PublicKeyInfo current = info(Files.readAllBytes(pub));
        List<PublicKeyInfo> retired = new ArrayList<>();
        Path retiredDir = dir.resolve("retired");
        if (Files.isDirectory(retiredDir)) {
            try (Stream<Path> files = Files.list(retiredDir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".pub")).sorted().toList()) {
                    PublicKeyInfo k = info(Files.readAllBytes(p));
                    if (!k.id().equals(current.id())) retired.add(k);
                }
            }
        }
        SigningKeys keys = new SigningKeys(privateKey, current, retired);
        keys.selfTest(kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub))));
        return keys;
    }

    /** Writes a fresh pair via temp files and atomic moves, so a crash or a second instance never sees half a key. */
    private static void create(Path dir, Path priv, Path pub) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        Path tmpPriv = Files.createTempFile(dir, "signing", ".key.tmp", ownerOnly);
        Path tmpPub = Files.createTempFile(dir, "signing", ".pub.tmp", ownerOnly);
        Files.write(tmpPriv, pair.getPrivate().getEncoded());
        Files.write(tmpPub, pair.getPublic().getEncoded());
        Files.move(tmpPub, pub, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try {
            // createLink fails if another instance won the race; then its key stands and ours goes.
            Files.createLink(priv, tmpPriv);
        } catch (FileAlreadyExistsException e) {
            // the other instance's pair is complete once its private key exists
        } finally {
            Files.deleteIfExists(tmpPriv);
        }
    }

    private static PublicKeyInfo info(byte[] x509) {
        byte[] raw = Arrays.copyOfRange(x509, X509_PREFIX, x509.length);
        return new PublicKeyInfo(keyId(raw), raw);
    }

    /** First 16 hex digits of SHA-256 over the raw public key. */
    public static String keyId(byte[] raw) {
        return Hashes.sha256Hex(raw).substring(0, 16);
    }

    private void selfTest(PublicKey publicKey) throws GeneralSecurityException {
        byte[] probe = "wedgewatch key check".getBytes();
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(publicKey);
        v.update(probe);
        if (!v.verify(sign(probe))) throw new GeneralSecurityException("signing.key and signing.pub do not belong together");
    }

    public byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public PublicKeyInfo current() {
        return current;
    }

    public List<PublicKeyInfo> retired() {
        return retired;
    }
}
