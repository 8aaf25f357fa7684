package org.wedgewatch.server;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Current versions held in memory so a GET never touches the database. The database stays the
 * only state: every refresh interval each instance compares (version, signature) per list with
 * the database and reloads what changed, so instances behind one load balancer agree within it.
 * The refresh also re-signs current versions whose signature is past half its validity, or that
 * another key signed, when this instance holds the active key.
 */
public final class ListCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListCache.class);

    private final ListStore store;
    private final SigningKeys keys;
    private final ActiveKey active;
    private final Duration signatureValidity;
    private final String cacheControl;
    private final Map<String, Representation> current = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "list-cache-refresh");
        t.setDaemon(true);
        return t;
    });

    public ListCache(ListStore store, SigningKeys keys, ActiveKey active, Duration signatureValidity, Duration interval,
                     String cacheControl) throws SQLException {
        this.store = store;
        this.active = active;
        this.cacheControl = cacheControl;
        this.keys = keys;
        this.signatureValidity = signatureValidity;
        refresh();
        long ms = interval.toMillis();
        refresher.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** The current representation, looking in the database when this instance has not seen the list yet. */
    public Optional<Representation> get(String id) throws SQLException {
        Representation r = current.get(id);
        if (r != null) return Optional.of(r);
        Optional<StoredVersion> v = store.current(id);
        v.ifPresent(this::put);
        return v.map(x -> current.get(id));
    }

    /** Only what is in memory: the fast path never waits for the database. */
    Representation peek(String id) {
        return current.get(id);
    }

    public Collection<Representation> all() {
        return current.values();
    }

    /** Called after a publish here and on refresh; an older version never replaces a newer one. */
    public void put(StoredVersion v) {
        current.merge(v.listId(), new Representation(v, cacheControl), (old, fresh) ->
                old.stored.version() > fresh.stored.version() ? old : fresh);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (Exception e) {
            LOG.warn("list cache refresh failed: {}", e.toString());
        }
    }

    synchronized void refresh() throws SQLException {
        active.refresh();
        for (Map.Entry<String, String> e : store.currentStamps().entrySet()) {
            String id = e.getKey();
            Representation r = current.get(id);
            String stamp = r == null ? null : r.stored.version() + ":" + r.stored.signed().signature();
            if (!e.getValue().equals(stamp)) {
                store.current(id).ifPresent(this::put);
                r = current.get(id);
            }
            if (r != null && needsResigning(r.stored.signed())) {
                store.resign(r.stored, r.stored.signed().signature());
                store.current(id).ifPresent(this::put);
            }
        }
    }

    /** Only the active key re-signs: an instance left with another key must not fight over signatures. */
    private boolean needsResigning(SignedMetadata signed) {
        if (!active.isOurs()) return false;
        Instant halfLife = Instant.now().plus(signatureValidity.dividedBy(2));
        return signed.expires().isBefore(halfLife) || !signed.keyId().equals(keys.current().id());
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
