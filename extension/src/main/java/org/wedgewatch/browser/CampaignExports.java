package org.wedgewatch.browser;

import org.teavm.jso.JSExport;

/**
 * Campaign detection as TeaVM exports it: a bundle of its own, loaded only by the
 * background, which holds the one index (see {@link CampaignSession}). Content scripts load the
 * smaller engine bundle alone.
 */
public final class CampaignExports {
    private CampaignExports() {
    }

    /** Loads a stored index, or starts empty on null or a corrupt string (then false). */
    @JSExport
    public static boolean campaignInit(String stored) {
        return CampaignSession.init(stored);
    }

    @JSExport
    public static void campaignConfigure(int capacity, double windowMillis) {
        CampaignSession.configure(capacity, windowMillis);
    }

    /** Records a sighting; distinct accounts with this wording, or -1 when the text has no fingerprint. */
    @JSExport
    public static int campaignObserve(String text, String accountHash, double nowMillis, String postKey) {
        return CampaignSession.observe(text, accountHash, nowMillis, postKey);
    }

    /** {"accounts": n, "times": [millis...]} */
    @JSExport
    public static String campaignDetails(String text, double nowMillis) {
        return CampaignSession.details(text, nowMillis);
    }

    /** The index for storage, or null when nothing changed since the last save or init. */
    @JSExport
    public static String campaignSave() {
        return CampaignSession.save();
    }

    @JSExport
    public static void campaignClear() {
        CampaignSession.clear();
    }

    /** 96 hex digits, or null: for JVM/TeaVM parity. */
    @JSExport
    public static String campaignFingerprint(String text) {
        return CampaignSession.fingerprint(text);
    }

    /** The wording the last campaignObserve counted, or -1; the same for every post of that wording. */
    @JSExport
    public static int campaignLastCluster() {
        return CampaignSession.lastCluster();
    }
}
