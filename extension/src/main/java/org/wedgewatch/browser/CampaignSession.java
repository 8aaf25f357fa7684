package org.wedgewatch.browser;

import org.wedgewatch.campaign.CampaignIndex;
import org.wedgewatch.campaign.Fingerprint;
import org.wedgewatch.campaign.Fingerprinter;
import org.wedgewatch.campaign.IndexCodec;

/**
 * The one campaign index of the extension (it lives in the background, shared by every tab), as
 * {@link EngineExports} hands it to JavaScript. Times cross as JS numbers (millis) and become
 * longs here; results are ints or JSON.
 */
final class CampaignSession {
    // Made on first use: the content script loads the same engine and must not pay for 11 MB of arrays.
    private static CampaignIndex index;
    /** {@link CampaignIndex#changes} at the last save or load: nothing new, nothing to write. */
    private static int saved;
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter();

    private CampaignSession() {
    }

    /** Loads a stored index; on null or a corrupt string starts empty and says false. */
    static boolean init(String stored) {
        boolean ok = true;
        CampaignIndex next;
        try {
            next = stored == null || stored.isEmpty() ? new CampaignIndex() : IndexCodec.decode(stored);
        } catch (RuntimeException e) {
            next = new CampaignIndex();
            ok = false;
        }
        index = next;
        saved = next.changes();
        return ok && stored != null;
    }

    /** A new capacity or window keeps the sightings that fit (the window applies at the next look). */
    static void configure(int capacity, double windowMillis) {
        long window = (long) windowMillis;
        if (capacity == index().capacity() && window == index().windowMillis()) return;
        replace(index().resized(Math.max(1, capacity), window), true);
    }

    private static CampaignIndex index() {
        if (index == null) init(null);
        return index;
    }

    /** Swaps in another index; dirty when it differs from what storage holds. */
    private static void replace(CampaignIndex next, boolean dirty) {
        boolean wasDirty = index().changes() != saved;
        index = next;
        saved = dirty || wasDirty ? next.changes() - 1 : next.changes();
    }

    /** Distinct accounts with this wording after this sighting, or -1 when the text has no fingerprint. */
    static int observe(String text, String accountHash, double nowMillis, String postKey) {
        Fingerprint fp = FINGERPRINTER.of(text);
        lastCluster = -1;
        if (fp == null) return -1;
        lastCluster = index().observe(fp, accountHash, nowMillis, postKey);
        return index().distinctAccounts(lastCluster);
    }

    /** The wording (cluster) the last observe counted, or -1: posts of one wording share one count. */
    static int lastCluster() {
        return lastCluster;
    }

    private static int lastCluster = -1;

    /** {"accounts": n, "times": [millis, ...]} oldest first, from this browser's own history. */
    static String details(String text, double nowMillis) {
        Fingerprint fp = FINGERPRINTER.of(text);
        long[] times = fp == null ? new long[0] : index().timesSeen(fp, (long) nowMillis);
        int accounts = fp == null ? 0 : index().distinctAccounts(fp, (long) nowMillis);
        StringBuilder sb = new StringBuilder("{\"accounts\":").append(accounts).append(",\"times\":[");
        for (int i = 0; i < times.length; i++) sb.append(i > 0 ? "," : "").append(Long.toString(times[i]));
        return sb.append("]}").toString();
    }

    /** The index as a storage string, or null when nothing changed since the last save or load. */
    static String save() {
        if (index().changes() == saved) return null;
        saved = index().changes();
        return IndexCodec.encode(index);
    }

    /** Forgets every sighting, keeping the capacity and window. */
    static void clear() {
        replace(new CampaignIndex(index().capacity(), index().windowMillis()), true);
    }

    static String fingerprint(String text) {
        Fingerprint fp = FINGERPRINTER.of(text);
        return fp == null ? null : fp.toString();
    }
}
