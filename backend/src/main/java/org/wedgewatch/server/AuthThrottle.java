package org.wedgewatch.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications, counted per client address in fixed one-minute windows: over the limit
 * an address gets 429 without its token being looked at. The audit log gets at most a fixed number
 * of failure rows a minute, whatever the number of addresses; the rest are counted and written as
 * one summary row in the next minute, so a flood of bad tokens cannot fill the database.
 */
final class AuthThrottle {
    private static final long WINDOW_MS = 60_000;
    /** Past this many addresses in one window, the table starts over rather than grow. */
    private static final int MAX_TRACKED = 100_000;

    private final int failuresPerAddress;
    private final int auditRowsPerWindow;
    private final Map<String, int[]> failures = new ConcurrentHashMap<>();
    private long window;
    private int auditRows;
    private int suppressed;

    AuthThrottle(int failuresPerAddress, int auditRowsPerWindow) {
        this.failuresPerAddress = failuresPerAddress;
        this.auditRowsPerWindow = auditRowsPerWindow;
    }

    /** What to write to the audit log for one failure: nothing, the failure, or also a summary of earlier ones. */
    record Audit(boolean writeThis, int summarize) {
    }

    /** Whether this address has used up its failures for the current minute. */
    boolean blocked(String address) {
        roll(System.currentTimeMillis());
        int[] n = failures.get(address);
        return n != null && n[0] >= failuresPerAddress;
    }

    synchronized Audit failed(String address) {
        roll(System.currentTimeMillis());
        if (failures.size() >= MAX_TRACKED) failures.clear();
        failures.computeIfAbsent(address, a -> new int[1])[0]++;
        int summarize = 0;
        if (auditRows == 0 && suppressed > 0) {
            summarize = suppressed;
            suppressed = 0;
        }
        if (auditRows < auditRowsPerWindow) {
            auditRows++;
            return new Audit(true, summarize);
        }
        suppressed++;
        return new Audit(false, summarize);
    }

    private synchronized void roll(long now) {
        long w = now / WINDOW_MS;
        if (w == window) return;
        window = w;
        failures.clear();
        auditRows = 0; // suppressed carries over into the next window's first row
    }
}
