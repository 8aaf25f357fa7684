package org.wedgewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wedgewatch.server.ActiveKey;
import org.wedgewatch.server.DataFolder;
import org.wedgewatch.server.Database;
import org.wedgewatch.server.KeyChain;
import org.wedgewatch.server.KeyFiles;
import org.wedgewatch.server.OperatorError;
import org.wedgewatch.server.SigningKeys;

/**
 * {@code keys ...}: the online signing key and the offline root that certifies it. Root keys are
 * files the operator keeps off the server; every document is signed where its keys are, one
 * {@code keys sign} at a time, and only {@code keys activate} touches the database.
 */
public final class KeysCommand {
    static final String USAGE = String.join("\n",
            "usage: keys init [--data DIR]                                   make the online signing key (first start)",
            "       keys root-key --out DIR --name NAME                      make an offline root key pair",
            "       keys root --version N --threshold K --key A.pub [--key B.pub]... --out root-N.json",
            "                                                                write a root (unsigned) and print its fingerprint",
            "       keys certify --root root-N.json [--data DIR | --signing-pub FILE] [--days 90] --out cert.json",
            "                                                                write a certificate for the signing key (unsigned)",
            "       keys sign FILE --key A.key [--key B.key]...              add signatures (A.pub must lie next to A.key)",
            "       keys activate [--data DIR] [--db JDBC_URL] [--root root-1.json]... [--cert cert.json]",
            "                                                                make DIR's key the one every instance signs with");
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeysCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        Options o;
        try {
            o = Options.parse(args);
            return switch (args[0]) {
                case "init" -> init(o, out);
                case "root-key" -> rootKey(o, out);
                case "root" -> root(o, out);
                case "certify" -> certify(o, out);
                case "sign" -> sign(o, out);
                case "activate" -> activate(o, out);
                default -> throw new IllegalArgumentException("unknown keys command '" + args[0] + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("keys " + args[0] + ": " + e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (OperatorError e) {
            err.println("keys " + args[0] + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("keys " + args[0] + ": " + DataFolder.describe(e));
            return 1;
        }
    }

    private static int init(Options o, PrintStream out) throws IOException, GeneralSecurityException {
        boolean made = SigningKeys.init(o.data);
        SigningKeys keys = SigningKeys.load(o.data);
        out.println((made ? "made signing key " : "a signing key is already there: ") + keys.current().id()
                + " in " + SigningKeys.dir(o.data));
        return 0;
    }

    private static int rootKey(Options o, PrintStream out) throws IOException, GeneralSecurityException {
        Path dir = o.require(o.out, "--out DIR");
        String name = o.require(o.name, "--name NAME");
        if (!KeyFiles.create(dir, name)) throw new OperatorError(dir.resolve(name + ".key") + " already exists; it is never replaced");
        byte[] raw = KeyFiles.readPublicRaw(dir.resolve(name + ".pub"));
        out.println("made root key " + SigningKeys.keyId(raw) + ": " + dir.resolve(name + ".key") + " (keep it offline) and "
                + dir.resolve(name + ".pub"));
        return 0;
    }

    private static int root(Options o, PrintStream out) throws IOException {
        if (o.keys.isEmpty()) throw new IllegalArgumentException("a root needs at least one --key FILE.pub");
        List<byte[]> raws = new ArrayList<>();
        for (Path k : o.keys) raws.add(KeyFiles.readPublicRaw(k));
        KeyChain.Envelope root = KeyChain.Envelope.unsigned(KeyChain.rootDocument(o.version, o.threshold, raws));
        write(o.require(o.out, "--out FILE"), root);
        out.println("wrote root " + o.version + " (" + o.threshold + " of " + raws.size() + " keys) to " + o.out
                + "; fingerprint " + KeyChain.fingerprint(root));
        out.println("sign it with " + o.threshold + " of its keys" + (o.version > 1 ? " and " + "a threshold of root "
                + (o.version - 1) + "'s keys" : "") + ": keys sign " + o.out + " --key KEY.key");
        return 0;
    }

    private static int certify(Options o, PrintStream out) throws IOException {
        KeyChain.Root root = KeyChain.parseRoot(read(o.require(o.root.isEmpty() ? null : o.root.get(0), "--root FILE")).signed());
        Path pub = o.signingPub != null ? o.signingPub : SigningKeys.dir(o.data).resolve("signing.pub");
        byte[] raw = KeyFiles.readPublicRaw(pub);
        Instant now = Instant.now();
        KeyChain.Envelope cert = KeyChain.Envelope.unsigned(
                KeyChain.certificateDocument(root.version(), raw, now, now.plus(Duration.ofDays(o.days))));
        write(o.require(o.out, "--out FILE"), cert);
        out.println("wrote a certificate for signing key " + SigningKeys.keyId(raw) + " under root " + root.version()
                + ", valid " + o.days + " days, to " + o.out + "; sign it with " + root.threshold() + " of the root's keys");
        return 0;
    }

    private static int sign(Options o, PrintStream out) throws IOException, GeneralSecurityException {
        Path file = o.require(o.file, "FILE");
        if (o.keys.isEmpty()) throw new IllegalArgumentException("give the keys to sign with: --key A.key");
        KeyChain.Envelope e = read(file);
        for (Path k : o.keys) {
            String name = k.getFileName().toString();
            if (!name.endsWith(".key")) throw new IllegalArgumentException(k + " is not a .key file");
            Path pub = k.resolveSibling(name.substring(0, name.length() - 4) + ".pub");
            byte[] raw = KeyFiles.readPublicRaw(pub);
            e = e.signedBy(KeyFiles.readPrivate(k), raw);
            out.println("signed " + file + " with " + SigningKeys.keyId(raw));
        }
        write(file, e);
        return 0;
    }

    private static int activate(Options o, PrintStream out) throws Exception {
        SigningKeys keys = SigningKeys.load(o.data);
        List<KeyChain.Envelope> roots = new ArrayList<>();
        for (Path r : o.root) roots.add(read(r));
        KeyChain.Envelope cert = o.cert == null ? null : read(o.cert);
        try (Database db = Database.open(o.db != null ? o.db : Database.defaultUrl(o.data))) {
            ActiveKey.activate(db, keys, roots, cert);
        }
        out.println("signing key " + keys.current().id() + " is now the active key"
                + (cert == null ? "" : ", with " + roots.size() + " root(s) and its certificate")
                + "; instances with other keys stop signing until they get this one");
        return 0;
    }

    private static KeyChain.Envelope read(Path file) throws IOException {
        return KeyChain.Envelope.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Writes via a temp file and a move, so a signed document is never half written. */
    private static void write(Path file, KeyChain.Envelope e) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(e.toJson()) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every option of every keys command; each command reads the ones it needs. */
    private static final class Options {
        Path data = Path.of("data");
        String db;
        Path out;
        String name;
        int version = 1;
        int threshold = 1;
        int days = 90;
        final List<Path> keys = new ArrayList<>();
        final List<Path> root = new ArrayList<>();
        Path cert;
        Path signingPub;
        Path file;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--data" -> o.data = Path.of(ServeCommand.value(args, ++i, a));
                    case "--db" -> o.db = ServeCommand.value(args, ++i, a);
                    case "--out" -> o.out = Path.of(ServeCommand.value(args, ++i, a));
                    case "--name" -> o.name = ServeCommand.value(args, ++i, a);
                    case "--version" -> o.version = Integer.parseInt(ServeCommand.value(args, ++i, a));
                    case "--threshold" -> o.threshold = Integer.parseInt(ServeCommand.value(args, ++i, a));
                    case "--days" -> o.days = Integer.parseInt(ServeCommand.value(args, ++i, a));
                    case "--key" -> o.keys.add(Path.of(ServeCommand.value(args, ++i, a)));
                    case "--root" -> o.root.add(Path.of(ServeCommand.value(args, ++i, a)));
                    case "--cert" -> o.cert = Path.of(ServeCommand.value(args, ++i, a));
                    case "--signing-pub" -> o.signingPub = Path.of(ServeCommand.value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--") || o.file != null) throw new IllegalArgumentException("unknown argument '" + a + "'");
                        o.file = Path.of(a);
                    }
                }
            }
            if (o.days < 1) throw new IllegalArgumentException("--days must be at least 1");
            return o;
        }

        <T> T require(T value, String what) {
            if (value == null) throw new IllegalArgumentException("this needs " + what);
            return value;
        }
    }
}
