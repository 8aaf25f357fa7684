package org.wedgewatch.campaign;

/**
 * The posts a reader has seen, grouped by wording, so that "the same words from many accounts"
 * becomes a count. Each sighting joins the cluster whose first fingerprint it matches
 * ({@link Fingerprint#sameWording}), or starts a new one. Matching against the first fingerprint,
 * not the latest, keeps a cluster from drifting one small edit at a time into unrelated text.
 *
 * <p>Sightings live in a ring in the order they were observed: when it is full, or a sighting is
 * older than the window, the oldest goes first, and a cluster with no sightings left is gone.
 * Times are expected to rise (the time a post is seen, not the time it was written): one observed
 * out of order leaves when its turn in the ring comes.
 *
 * <p>Accounts are counted, never stored: the caller passes a salted hash of the handle, kept here
 * as a 32-bit hash of that string. A cluster id handed out by {@link #observe} or {@link #find} is
 * valid until the next call that observes or expires, since ids of dead clusters are reused.
 *
 * <p>Not thread-safe; one index per extension background worker.
 */
public final class CampaignIndex {
    public static final int DEFAULT_CAPACITY = 50_000;
    public static final long DEFAULT_WINDOW_MILLIS = 7L * 24 * 3600 * 1000;
    /** Internal times are int seconds from 2020-01-01 UTC: valid from 1952 to 2088 without a long. */
    static final long EPOCH_MILLIS = 1_577_836_800_000L;
    private static final int NONE = -1;
    /**
     * Entries read per band, newest first. A band value shared by hundreds of clusters (a popular
     * name and hashtag in a short post) says little, like a stopword; a real near-duplicate also
     * meets the query in rarer bands, so a cap costs almost no recall and bounds the worst lookup.
     */
    static final int MAX_CHAIN_WALK = 16;
    private static final int B = Fingerprint.BANDS;

    final int capacity;
    final int windowSeconds;

    // Clusters, by id: 16 band values each, and their sightings as a list threaded through the ring.
    final int[] sigs;
    private final int[] firstSighting;
    private final int[] lastSighting;
    private final int[] sightings;
    private final int[] accounts;
    private final int[] freeIds;
    private int freeCount;
    private final int[] seenStamp;
    private final int[] chainFirsts = new int[B];
    private int stamp;
    private final BandTable table;

    // The ring of sightings, oldest at head.
    final int[] ringCluster;
    final int[] ringAccount;
    final int[] ringTime;
    final int[] ringPost;
    private final int[] ringNext;
    int head;
    int size;

    private final PairCounts clusterAccounts;
    private final PairCounts clusterPosts;
    /** Sightings added plus sightings dropped: a caller saves only when this moved. */
    private int changes;

    public CampaignIndex() {
        this(DEFAULT_CAPACITY, DEFAULT_WINDOW_MILLIS);
    }

    public CampaignIndex(int capacity, long windowMillis) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
        long w = windowMillis / 1000;
        this.windowSeconds = w > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(0, w);
        sigs = new int[capacity * B];
        firstSighting = new int[capacity];
        lastSighting = new int[capacity];
        sightings = new int[capacity];
        accounts = new int[capacity];
        seenStamp = new int[capacity];
        freeIds = new int[capacity];
        for (int i = 0; i < capacity; i++) freeIds[i] = capacity - 1 - i;
        freeCount = capacity;
        table = new BandTable(capacity);
        ringCluster = new int[capacity];
        ringAccount = new int[capacity];
        ringTime = new int[capacity];
        ringPost = new int[capacity];
        ringNext = new int[capacity];
        clusterAccounts = new PairCounts(capacity);
        clusterPosts = new PairCounts(capacity);
    }

    /**
     * Records that {@code accountHash} was seen posting (or reposting) this wording at {@code
     * timeMillis} and returns the id of its cluster, or -1 for a null fingerprint. The same account
     * with the same {@code postKey} seen again (the reader scrolled back) changes nothing. A repost
     * is observed with the reposting account, so it counts once for that account.
     */
    public int observe(Fingerprint fp, String accountHash, long timeMillis, String postKey) {
        return observeAt(fp, accountHash, seconds(timeMillis), postKey);
    }

    /**
     * {@link #observe(Fingerprint, String, long, String)} with the time as a double, as JavaScript
     * has it: under TeaVM every long operation is a BigInt allocation, which showed in the profile.
     */
    public int observe(Fingerprint fp, String accountHash, double timeMillis, String postKey) {
        return observeAt(fp, accountHash, (int) ((timeMillis - EPOCH_MILLIS) / 1000), postKey);
    }

    private int observeAt(Fingerprint fp, String accountHash, int now, String postKey) {
        if (fp == null) return NONE;
        expire(now);
        int account = Hashing.fnv(accountHash);
        int post = Hashing.pair(account, postKey == null ? 0 : Hashing.fnv(postKey));
        int c = find(fp.bands);
        if (c != NONE && clusterPosts.get(c, post) > 0) return c;
        if (size == capacity) {
            evictOldest();
            if (c != NONE && sightings[c] == 0) c = find(fp.bands); // the eviction ended that very cluster
        }
        if (c == NONE) c = newCluster(fp.bands, 0);
        append(c, account, now, post);
        return c;
    }

    /** The cluster this wording belongs to, or -1. */
    public int find(Fingerprint fp) {
        return fp == null ? NONE : find(fp.bands);
    }

    /** Distinct accounts seen with this wording in the window ending at {@code nowMillis}. */
    public int distinctAccounts(Fingerprint fp, long nowMillis) {
        expire(seconds(nowMillis));
        int c = find(fp);
        return c == NONE ? 0 : accounts[c];
    }

    /** Distinct accounts in cluster {@code cluster}, as of the last observe or expire. */
    public int distinctAccounts(int cluster) {
        return accounts[cluster];
    }

    /** Sightings in cluster {@code cluster}, reposts and all, as of the last observe or expire. */
    public int sightings(int cluster) {
        return sightings[cluster];
    }

    /** When each sighting of this wording in the window was made, oldest first, in millis. */
    public long[] timesSeen(Fingerprint fp, long nowMillis) {
        expire(seconds(nowMillis));
        int c = find(fp);
        return c == NONE ? new long[0] : timesSeen(c);
    }

    public long[] timesSeen(int cluster) {
        long[] out = new long[sightings[cluster]];
        int n = 0;
        for (int s = firstSighting[cluster]; s != NONE; s = ringNext[s]) out[n++] = millis(ringTime[s]);
        return out;
    }

    /** Drops every sighting older than the window ending at {@code nowMillis}. */
    public void expire(long nowMillis) {
        expire(seconds(nowMillis));
    }

    /** Sightings held, at most the capacity. */
    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public long windowMillis() {
        return windowSeconds * 1000L;
    }

    /** A number that moves whenever a sighting is added or dropped, so a save can be skipped. */
    public int changes() {
        return changes;
    }

    /**
     * This index's sightings in a new index of another capacity or window (the reader changed
     * the window): oldest first, keeping the newest {@code capacity} of them. Sightings older than
     * the new window leave at the next observe or expire.
     */
    public CampaignIndex resized(int newCapacity, long newWindowMillis) {
        CampaignIndex out = new CampaignIndex(newCapacity, newWindowMillis);
        int[] moved = new int[capacity]; // old cluster id -> 1 + new id, 0 = not yet
        for (int k = Math.max(0, size - newCapacity); k < size; k++) {
            int s = (head + k) % capacity;
            int c = ringCluster[s];
            if (moved[c] == 0) moved[c] = 1 + out.newCluster(sigs, c * B);
            out.append(moved[c] - 1, ringAccount[s], ringTime[s], ringPost[s]);
        }
        return out;
    }

    /** Live clusters: distinct wordings held. */
    public int clusterCount() {
        return capacity - freeCount;
    }

    private void expire(int now) {
        int cutoff = now - windowSeconds; // int, not long: no BigInt per call in the extension
        if (cutoff > now) cutoff = Integer.MIN_VALUE; // wrapped: the window reaches before 1952
        while (size > 0 && ringTime[head] < cutoff) evictOldest();
    }

    /** The best matching live cluster: candidates from shared bands, then a full slot comparison. */
    private int find(int[] bands) {
        int query = ++stamp;
        int best = NONE;
        int bestAgreement = Fingerprint.SAME_SLOTS - 1;
        // The chain heads first, in a loop of their own: the reads do not depend on each other,
        // so the processor overlaps their cache misses instead of waiting for each in turn.
        int[] firsts = chainFirsts;
        for (int b = 0; b < BandTable.CHAINED; b++) firsts[b] = table.first(BandTable.key(b, bands[b]));
        for (int b = 0; b < BandTable.CHAINED; b++) {
            int key = BandTable.key(b, bands[b]);
            int walked = 0;
            for (int e = firsts[b]; e != NONE && walked < MAX_CHAIN_WALK; e = table.next(e)) {
                walked++;
                // A chain holds every entry whose bucket collides; keep only this band and value.
                if (!table.hasKey(e, key)) continue;
                int c = e >>> 4; // e / B (B is 16) as a shift: in JavaScript an int division is a float one
                if (seenStamp[c] == query) continue;
                seenStamp[c] = query;
                int agreement = Fingerprint.agreement(bands, 0, sigs, c * B);
                if (agreement == Fingerprint.SLOTS) return c; // a copy: nothing can agree more
                // Ties go to the lower id so the verdict never depends on chain order.
                if (agreement > bestAgreement || (agreement == bestAgreement && best != NONE && c < best)) {
                    best = c;
                    bestAgreement = agreement;
                }
            }
        }
        return best;
    }

    int newCluster(int[] bands, int offset) {
        int c = freeIds[--freeCount];
        // A loop, not System.arraycopy: for 16 ints TeaVM's arraycopy costs more than the copy.
        for (int b = 0; b < B; b++) sigs[c * B + b] = bands[offset + b];
        firstSighting[c] = NONE;
        lastSighting[c] = NONE;
        sightings[c] = 0;
        accounts[c] = 0;
        seenStamp[c] = 0;
        table.add(c, sigs, c * B);
        return c;
    }

    void append(int c, int account, int time, int post) {
        changes++;
        int s = head + size;
        if (s >= capacity) s -= capacity;
        size++;
        ringCluster[s] = c;
        ringAccount[s] = account;
        ringTime[s] = time;
        ringPost[s] = post;
        ringNext[s] = NONE;
        if (lastSighting[c] == NONE) firstSighting[c] = s;
        else ringNext[lastSighting[c]] = s;
        lastSighting[c] = s;
        sightings[c]++;
        if (clusterAccounts.increment(c, account) == 1) accounts[c]++;
        clusterPosts.increment(c, post);
    }

    private void evictOldest() {
        changes++;
        int s = head;
        head = head + 1 == capacity ? 0 : head + 1;
        size--;
        int c = ringCluster[s];
        // The ring is in observation order, so the oldest sighting is also its cluster's first.
        firstSighting[c] = ringNext[s];
        if (firstSighting[c] == NONE) lastSighting[c] = NONE;
        sightings[c]--;
        if (clusterAccounts.decrement(c, ringAccount[s]) == 0) accounts[c]--;
        clusterPosts.decrement(c, ringPost[s]);
        if (sightings[c] == 0) {
            table.remove(c);
            freeIds[freeCount++] = c;
        }
    }

    static int seconds(long millis) {
        return (int) ((millis - EPOCH_MILLIS) / 1000);
    }

    static long millis(int seconds) {
        return seconds * 1000L + EPOCH_MILLIS;
    }
}
