package org.wedgewatch.campaign;

/**
 * A {@link CampaignIndex} as one ASCII string for extension storage. Sightings are written oldest
 * first; a sighting that opens a cluster carries the cluster's 16 bands (3 bytes each), later ones
 * refer back to it by number. Times are varint deltas, hashes 4 bytes each. Worst case, 50,000
 * sightings of 50,000 different wordings: about 60 bytes each, 80 as base64, 4 MB in all.
 *
 * <pre>
 * "WC2" magic, varint capacity, varint window seconds, varint sightings, then per sighting:
 *   varint ref (0 = new cluster, followed by 16 x 3 bytes of bands; n = the n-th cluster opened)
 *   zigzag varint time - previous time, 4 bytes account hash, 4 bytes sighting hash
 * </pre>
 */
public final class IndexCodec {
    private static final String MAGIC = "WC2";
    private static final char[] ALPHABET =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private IndexCodec() {
    }

    public static String encode(CampaignIndex index) {
        Bytes out = new Bytes(64 + index.size * 64);
        out.varint(index.capacity);
        out.varint(index.windowSeconds);
        out.varint(index.size);
        int[] ordinal = new int[index.capacity]; // cluster id -> 1 + order of opening, 0 = not yet
        int opened = 0;
        int previous = 0;
        for (int k = 0; k < index.size; k++) {
            int s = (index.head + k) % index.capacity;
            int c = index.ringCluster[s];
            if (ordinal[c] == 0) {
                ordinal[c] = ++opened;
                out.varint(0);
                for (int b = 0; b < Fingerprint.BANDS; b++) out.int24(index.sigs[c * Fingerprint.BANDS + b]);
            } else {
                out.varint(ordinal[c]);
            }
            int t = index.ringTime[s];
            out.varint((t - previous) << 1 ^ (t - previous) >> 31);
            previous = t;
            out.int32(index.ringAccount[s]);
            out.int32(index.ringPost[s]);
        }
        return MAGIC + base64(out.data, out.length);
    }

    /** The index {@code text} was encoded from; throws IllegalArgumentException if it is not one. */
    public static CampaignIndex decode(String text) {
        if (text == null || !text.startsWith(MAGIC)) throw new IllegalArgumentException("not a campaign index");
        Reader in = new Reader(unbase64(text, MAGIC.length()));
        int capacity = in.varint();
        int windowSeconds = in.varint();
        int count = in.varint();
        if (capacity < 1 || count > capacity) throw new IllegalArgumentException("corrupt campaign index");
        CampaignIndex index = new CampaignIndex(capacity, windowSeconds * 1000L);
        int[] ids = new int[count + 1];
        int opened = 0;
        int[] bands = new int[Fingerprint.BANDS];
        int time = 0;
        for (int k = 0; k < count; k++) {
            int ref = in.varint();
            int c;
            if (ref == 0) {
                for (int b = 0; b < Fingerprint.BANDS; b++) bands[b] = in.int24();
                c = index.newCluster(bands, 0);
                ids[++opened] = c;
            } else {
                if (ref > opened) throw new IllegalArgumentException("corrupt campaign index");
                c = ids[ref];
            }
            int z = in.varint();
            time += z >>> 1 ^ -(z & 1);
            index.append(c, in.int32(), time, in.int32());
        }
        return index;
    }

    private static final class Bytes {
        byte[] data;
        int length;

        Bytes(int capacity) {
            data = new byte[capacity];
        }

        void put(int b) {
            if (length == data.length) {
                byte[] d = new byte[data.length * 2];
                System.arraycopy(data, 0, d, 0, length);
                data = d;
            }
            data[length++] = (byte) b;
        }

        void varint(int v) {
            while ((v & ~0x7F) != 0) {
                put(v & 0x7F | 0x80);
                v >>>= 7;
            }
            put(v);
        }

        void int24(int v) {
            put(v >>> 16);
            put(v >>> 8);
            put(v);
        }

        void int32(int v) {
            put(v >>> 24);
            int24(v);
        }
    }

    private static final class Reader {
        final byte[] data;
        int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        int get() {
            if (pos >= data.length) throw new IllegalArgumentException("truncated campaign index");
            return data[pos++] & 0xFF;
        }

        int varint() {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = get();
                v |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return v;
            }
            throw new IllegalArgumentException("corrupt campaign index");
        }

        int int24() {
            return get() << 16 | get() << 8 | get();
        }

        int int32() {
            return get() << 24 | int24();
        }
    }

    private static String base64(byte[] data, int length) {
        StringBuilder sb = new StringBuilder((length + 2) / 3 * 4);
        for (int i = 0; i < length; i += 3) {
            int n = Math.min(3, length - i);
            int v = (data[i] & 0xFF) << 16;
            if (n > 1) v |= (data[i + 1] & 0xFF) << 8;
            if (n > 2) v |= data[i + 2] & 0xFF;
            for (int k = 0; k <= n; k++) sb.append(ALPHABET[(v >>> (18 - 6 * k)) & 0x3F]);
        }
        return sb.toString();
    }

    private static byte[] unbase64(String s, int from) {
        int chars = s.length() - from;
        int rem = chars % 4;
        if (rem == 1) throw new IllegalArgumentException("corrupt campaign index");
        byte[] out = new byte[chars / 4 * 3 + (rem == 0 ? 0 : rem - 1)];
        int o = 0;
        for (int i = from; i < s.length(); i += 4) {
            int n = Math.min(4, s.length() - i);
            int v = 0;
            for (int k = 0; k < 4; k++) v = v << 6 | (k < n ? digit(s.charAt(i + k)) : 0);
            for (int k = 0; k < n - 1; k++) out[o++] = (byte) (v >>> (16 - 8 * k));
        }
        return out;
    }

    private static int digit(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '-') return 62;
        if (c == '_') return 63;
        throw new IllegalArgumentException("corrupt campaign index");
    }
}
