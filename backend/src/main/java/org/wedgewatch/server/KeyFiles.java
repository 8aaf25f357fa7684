package org.wedgewatch.server;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import java.util.Arrays;

/**
 * Ed25519 key pairs as files: NAME.key (PKCS#8, owner-only) and NAME.pub (X.509). The signing key
 * and the offline root keys use the same format, so one set of commands handles both.
 */
public final class KeyFiles {
    /** JDK X.509 encodings of Ed25519 public keys are this fixed prefix followed by the raw 32 bytes. */
    private static final int X509_PREFIX = 12;

    private KeyFiles() {
    }

    /**
     * Writes a fresh pair via temp files and atomic moves, so a crash or a second process never sees
     * half a key; an existing private key is never replaced.
     *
     * @return false when NAME.key already existed (then nothing was written)
     */
    public static boolean create(Path dir, String name) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        Path priv = dir.resolve(name + ".key");
        Path pub = dir.resolve(name + ".pub");
        if (Files.exists(priv)) return false;
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        Path tmpPriv = Files.createTempFile(dir, name, ".key.tmp", ownerOnly);
        Path tmpPub = Files.createTempFile(dir, name, ".pub.tmp", ownerOnly);
        try {
            Files.write(tmpPriv, pair.getPrivate().getEncoded());
            Files.write(tmpPub, pair.getPublic().getEncoded());
            // createLink fails if another process won the race; then its key stands and ours goes.
            Files.createLink(priv, tmpPriv);
            Files.move(tmpPub, pub, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmpPriv);
            Files.deleteIfExists(tmpPub);
        }
    }

    public static PrivateKey readPrivate(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(read(file)));
    }

    /** The raw 32 bytes of a public key file. */
    public static byte[] readPublicRaw(Path file) throws IOException {
        byte[] x509 = read(file);
        if (x509.length != X509_PREFIX + 32) throw new IOException(file + " is not an Ed25519 public key file");
        return Arrays.copyOfRange(x509, X509_PREFIX, x509.length);
    }

    static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(read(file)));
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no such key file: " + file, e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Verifies with a raw 32-byte key; false on any malformed input. */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        try {
            byte[] x509 = new byte[X509_PREFIX + 32];
            System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, x509, 0, X509_PREFIX);
            if (rawPublicKey.length != 32) return false;
            System.arraycopy(rawPublicKey, 0, x509, X509_PREFIX, 32);
            PublicKey k = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(k);
            v.update(message);
            return v.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
