package org.wedgewatch.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CampaignIndexTest {
    static final long T0 = 1_750_000_000_000L; // June 2025
    static final long MINUTE = 60_000L;
    static final long DAY = 24 * 60 * MINUTE;

    static final Fingerprint PRIMARY = fp("Stop pretending the primary was fair, everyone saw what happened in those precincts.");
    static final Fingerprint PRIMARY_EDITED =
        fp("RT @someone: Stop pretending the primary was fair. Everyone saw what happened in those precincts 🔥 #WakeUp");
    static final Fingerprint LIBRARY = fp("Nobody in this city voted for a council that cuts libraries while raising police budgets.");
    static final Fingerprint UNION = fp("Union families were promised a seat at the table and got a photo op instead.");
    static final Fingerprint DONORS = fp("The so-called progressives in Congress folded the moment donors picked up the phone.");

    static Fingerprint fp(String text) {
        Fingerprint f = Fingerprint.of(text);
        assertNotNull(f, text);
        return f;
    }

    @Test
    void countsDistinctAccountsPerWording() {
        CampaignIndex index = new CampaignIndex();
        index.observe(PRIMARY, "acct-a", T0, "p1");
        index.observe(PRIMARY_EDITED, "acct-b", T0 + MINUTE, "p2");
        index.observe(PRIMARY, "acct-c", T0 + 2 * MINUTE, "p3");
        index.observe(LIBRARY, "acct-d", T0 + 3 * MINUTE, "p4");
        assertEquals(3, index.distinctAccounts(PRIMARY, T0 + 4 * MINUTE));
        assertEquals(3, index.distinctAccounts(PRIMARY_EDITED, T0 + 4 * MINUTE));
        assertEquals(1, index.distinctAccounts(LIBRARY, T0 + 4 * MINUTE));
        assertEquals(0, index.distinctAccounts(UNION, T0 + 4 * MINUTE));
        assertEquals(2, index.clusterCount());
    }

    @Test
    void anAccountPostingTheSameWordsAgainCountsOnce() {
        CampaignIndex index = new CampaignIndex();
        int c = index.observe(PRIMARY, "acct-a", T0, "p1");
        index.observe(PRIMARY, "acct-a", T0 + DAY, "p2");
        index.observe(PRIMARY_EDITED, "acct-a", T0 + 2 * DAY, "p3");
        assertEquals(1, index.distinctAccounts(c));
        assertEquals(3, index.sightings(c));
        assertArrayEquals(new long[] {T0, T0 + DAY, T0 + 2 * DAY}, index.timesSeen(PRIMARY, T0 + 2 * DAY));
    }

    @Test
    void aRepostCountsOnceForTheRepostingAccount() {
        CampaignIndex index = new CampaignIndex();
        // The original, then two reposts of that same post by other accounts: one post key throughout.
        index.observe(UNION, "author", T0, "post-9");
        index.observe(UNION, "reposter-1", T0 + MINUTE, "post-9");
        index.observe(UNION, "reposter-2", T0 + 2 * MINUTE, "post-9");
        // The reader scrolls back past the first repost: nothing new.
        int c = index.observe(UNION, "reposter-1", T0 + 3 * MINUTE, "post-9");
        assertEquals(3, index.distinctAccounts(c));
        assertEquals(3, index.sightings(c));
        assertEquals(3, index.size());
    }

    @Test
    void sightingsLeaveTheWindow() {
        CampaignIndex index = new CampaignIndex(100, 7 * DAY);
        index.observe(DONORS, "a", T0, "1");
        index.observe(DONORS, "b", T0 + 3 * DAY, "2");
        index.observe(DONORS, "c", T0 + 6 * DAY, "3");
        assertEquals(3, index.distinctAccounts(DONORS, T0 + 7 * DAY));
        assertEquals(2, index.distinctAccounts(DONORS, T0 + 7 * DAY + MINUTE));
        assertArrayEquals(new long[] {T0 + 3 * DAY, T0 + 6 * DAY}, index.timesSeen(DONORS, T0 + 7 * DAY + MINUTE));
        assertEquals(0, index.distinctAccounts(DONORS, T0 + 14 * DAY));
        assertEquals(0, index.size());
        assertEquals(0, index.clusterCount());
    }

    @Test
    void aFullIndexDropsTheOldestSightingFirst() {
        CampaignIndex index = new CampaignIndex(3, 7 * DAY);
        index.observe(PRIMARY, "a", T0, "1");
        index.observe(LIBRARY, "b", T0 + 1000, "2");
        index.observe(PRIMARY, "c", T0 + 2000, "3");
        index.observe(UNION, "d", T0 + 3000, "4"); // drops PRIMARY by a
        assertEquals(3, index.size());
        assertEquals(1, index.distinctAccounts(PRIMARY, T0 + 3000));
        index.observe(DONORS, "e", T0 + 4000, "5"); // drops LIBRARY
        assertEquals(0, index.distinctAccounts(LIBRARY, T0 + 4000));
        assertEquals(-1, index.find(LIBRARY));
        assertEquals(1, index.distinctAccounts(UNION, T0 + 4000));
        assertEquals(3, index.clusterCount());
    }

    @Test
    void noFingerprintIsNeverObserved() {
        CampaignIndex index = new CampaignIndex();
        assertEquals(-1, index.observe(Fingerprint.of("thank you so much"), "a", T0, "1"));
        assertEquals(0, index.size());
    }

    @Test
    void encodingRoundTrips() {
        CampaignIndex index = new CampaignIndex(10, 7 * DAY);
        index.observe(PRIMARY, "a", T0, "1");
        index.observe(LIBRARY, "b", T0 + 1000, "2");
        index.observe(PRIMARY_EDITED, "c", T0 + 5000, "3");
        index.observe(PRIMARY, "a", T0 + 9000, "4");
        String text = IndexCodec.encode(index);
        CampaignIndex back = IndexCodec.decode(text);
        assertEquals(text, IndexCodec.encode(back));
        assertEquals(2, back.distinctAccounts(PRIMARY, T0 + 10_000));
        assertArrayEquals(index.timesSeen(PRIMARY, T0 + 10_000), back.timesSeen(PRIMARY, T0 + 10_000));
        // The decoded index keeps its capacity, window and duplicate memory.
        back.observe(LIBRARY, "b", T0 + 11_000, "2");
        assertEquals(4, back.size());
        back.observe(UNION, "d", T0 + 8 * DAY, "5");
        assertEquals(1, back.size());
    }

    @Test
    void fiftyThousandDifferentWordingsFitInFiveMegabytes() {
        Random random = new Random(5);
        CampaignIndex index = new CampaignIndex();
        for (int i = 0; i < CampaignIndex.DEFAULT_CAPACITY + 1000; i++) {
            int[] bands = new int[Fingerprint.BANDS];
            for (int b = 0; b < bands.length; b++) bands[b] = random.nextInt(1 << 24);
            index.observe(new Fingerprint(bands), "acct" + random.nextInt(20_000), T0 + i * 2000L, "post" + i);
        }
        assertEquals(CampaignIndex.DEFAULT_CAPACITY, index.size());
        String text = IndexCodec.encode(index);
        assertTrue(text.length() <= 5_000_000, "encoded length " + text.length());
        assertEquals(text, IndexCodec.encode(IndexCodec.decode(text)));
    }

    @Test
    void corruptTextIsRejected() {
        String text = IndexCodec.encode(new CampaignIndex(4, DAY));
        assertNotEquals("", text);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> IndexCodec.decode("junk"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> IndexCodec.decode(text.substring(0, text.length() - 2)));
    }

    @Test
    void aResizedIndexKeepsTheNewestSightingsAndTheirCounts() {
        CampaignIndex index = new CampaignIndex(10, 7 * DAY);
        index.observe(LIBRARY, "acct-z", T0, "p0");
        index.observe(PRIMARY, "acct-a", T0 + MINUTE, "p1");
        index.observe(PRIMARY_EDITED, "acct-b", T0 + 2 * MINUTE, "p2");
        index.observe(PRIMARY, "acct-c", T0 + 3 * MINUTE, "p3");
        CampaignIndex smaller = index.resized(3, DAY);
        assertEquals(3, smaller.size());
        assertEquals(3, smaller.distinctAccounts(PRIMARY, T0 + 4 * MINUTE));
        assertEquals(0, smaller.distinctAccounts(LIBRARY, T0 + 4 * MINUTE));
        // The shorter window applies from the next look.
        assertEquals(0, smaller.distinctAccounts(PRIMARY, T0 + 2 * DAY));
    }

    @Test
    void changesMovesOnlyWhenASightingIsAddedOrDropped() {
        CampaignIndex index = new CampaignIndex(10, DAY);
        int before = index.changes();
        index.observe(PRIMARY, "acct-a", T0, "p1");
        int added = index.changes();
        assertNotEquals(before, added);
        index.observe(PRIMARY, "acct-a", T0 + MINUTE, "p1"); // scrolled back: the same sighting
        assertEquals(added, index.changes());
        index.expire(T0 + 2 * DAY);
        assertNotEquals(added, index.changes());
    }
}
