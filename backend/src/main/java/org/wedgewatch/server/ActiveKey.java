package org.wedgewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The one signing key, and its key chain, that every instance over a database signs with: kept in
 * the database, so two instances with different keys can never re-sign each other's lists in turn.
 * The first instance over an empty database records its key; another key refuses to start, and a
 * running instance whose key stops being the active one (after {@code keys activate}) stops signing.
 */
public final class ActiveKey {
    static final String KEY_SETTING = "signing_key_id";
    static final String CHAIN_SETTING = "key_chain";

    private final Database db;
    private final SigningKeys keys;
    private volatile String activeId;
    private volatile String chain; // JSON as served, or null when none is installed

    private ActiveKey(Database db, SigningKeys keys) {
        this.db = db;
        this.keys = keys;
    }

    /** Records this instance's key on an empty database, or checks it against the recorded one. */
    public static ActiveKey claim(Database db, SigningKeys keys) throws SQLException {
        ActiveKey a = new ActiveKey(db, keys);
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                p.setString(1, KEY_SETTING);
                p.setString(2, keys.current().id());
                p.executeUpdate();
            }
            return null;
        });
        a.refresh();
        if (!a.isOurs()) {
            throw new OperatorError("this instance's signing key " + keys.current().id() + " is not the key "
                    + a.activeId + " that this database's lists are signed with: copy DATA/keys from an instance "
                    + "that has it, or make this key the active one with 'keys activate'");
        }
        return a;
    }

    /** Reads the active key id and chain again; the list cache calls this on every refresh. */
    public void refresh() throws SQLException {
        activeId = setting(db, KEY_SETTING);
        chain = setting(db, CHAIN_SETTING);
    }

    public boolean isOurs() {
        return keys.current().id().equals(activeId);
    }

    /** The chain JSON as stored by {@code keys activate}, or null. */
    public String chain() {
        return chain;
    }

    /** What the operator must fix before this instance signs correctly, or null. */
    public String problem() {
        if (!isOurs()) {
            return "this instance's signing key " + keys.current().id() + " is not the active key " + activeId
                    + "; it serves lists but does not publish or re-sign: give it DATA/keys with the active key";
        }
        String c = chain;
        if (c == null) return null;
        try {
            JsonNode o = Json.MAPPER.readTree(c);
            Instant expires = KeyChain.parseCertificate(KeyChain.Envelope.parse(o.path("signingKey")).signed()).expires();
            if (!expires.isAfter(Instant.now())) {
                return "the signing key's certificate expired at " + SignedMetadata.time(expires)
                        + "; clients reject every list until it is certified again (keys certify, keys sign, keys activate)";
            }
        } catch (IOException | IllegalArgumentException e) {
            return "the stored key chain cannot be read: " + e.getMessage();
        }
        return null;
    }

    /**
     * Makes {@code keys} the active key, with its chain (verified here first, so clients are never
     * served a chain they would reject). A stored chain must be a prefix of the new one: roots are
     * never dropped or replaced, only followed by newer ones.
     */
    public static void activate(Database db, SigningKeys keys, List<KeyChain.Envelope> roots, KeyChain.Envelope certificate)
            throws SQLException {
        if (certificate != null) {
            KeyChain.Certificate cert = KeyChain.verify(roots, certificate, Instant.now());
            if (!cert.keyId().equals(keys.current().id())) {
                throw new IllegalArgumentException("the certificate is for key " + cert.keyId() + ", not for this signing key "
                        + keys.current().id());
            }
        } else if (!roots.isEmpty()) {
            throw new IllegalArgumentException("roots need a certificate for the signing key (--cert FILE)");
        }
        String stored = setting(db, CHAIN_SETTING);
        List<KeyChain.Envelope> previous = List.of();
        if (stored != null) {
            if (certificate == null) throw new IllegalArgumentException("this database has a key chain; give its roots and a certificate");
            requirePrefix(stored, roots);
            // Earlier online keys stay vouched for until their certificates expire (see KeyChain.stillValidPast).
            previous = KeyChain.stillValidPast(roots, storedCertificates(stored), keys.current().id(), Instant.now());
        }
        String chainJson = certificate == null ? null : KeyChain.chainJson(roots, certificate, previous).toString();
        String json = chainJson;
        db.transaction(c -> {
            put(c, KEY_SETTING, keys.current().id());
            if (json != null) put(c, CHAIN_SETTING, json);
            AuditLog.append(c, AuditLog.KEY_ACTIVATE, "operator", keys.current().id(),
                    json == null ? "no key chain" : "roots=" + roots.size());
            return null;
        });
    }

    private static List<KeyChain.Envelope> storedCertificates(String stored) {
        try {
            return KeyChain.certificates(Json.MAPPER.readTree(stored));
        } catch (IOException | IllegalArgumentException e) {
            return List.of(); // requirePrefix has read its roots; certificates it cannot read are not kept
        }
    }

    private static void requirePrefix(String stored, List<KeyChain.Envelope> roots) {
        List<KeyChain.Envelope> old;
        try {
            old = KeyChain.roots(Json.MAPPER.readTree(stored));
        } catch (IOException e) {
            throw new IllegalArgumentException("the stored key chain cannot be read");
        }
        if (old.size() > roots.size()) {
            throw new IllegalArgumentException("the database already has " + old.size() + " root(s); give all of them, in order");
        }
        for (int i = 0; i < old.size(); i++) {
            if (!KeyChain.fingerprint(old.get(i)).equals(KeyChain.fingerprint(roots.get(i)))) {
                throw new IllegalArgumentException("root " + (i + 1) + " differs from the one clients already trust; roots are never replaced");
            }
        }
    }

    private static void put(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO settings (name, value) VALUES (?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            p.setString(1, name);
            p.setString(2, value);
            p.executeUpdate();
        }
    }

    private static String setting(Database db, String name) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }
}
