package org.wedgewatch.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    /** The verdict both the JVM and the JS build must give: same only if both have fingerprints that agree. */
    static boolean same(String a, String b) {
        Fingerprint fa = Fingerprint.of(a);
        Fingerprint fb = Fingerprint.of(b);
        return fa != null && fb != null && fa.sameWording(fb);
    }

    @Test
    void everyVectorGetsItsVerdict() throws Exception {
        List<VectorFile.Vector> vectors = VectorFile.load();
        assertTrue(vectors.size() >= 40, "at least 40 vectors");
        List<String> wrong = new ArrayList<>();
        for (VectorFile.Vector v : vectors) {
            Fingerprint fa = Fingerprint.of(v.a());
            Fingerprint fb = Fingerprint.of(v.b());
            String agreement = fa == null || fb == null ? "none" : String.valueOf(fa.agreement(fb));
            if (same(v.a(), v.b()) != v.same()) wrong.add("line " + v.line() + " (agreement " + agreement + ")");
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void fourDistinctContentWordsAreTheMinimum() {
        assertNotNull(Fingerprint.of("Council cuts library budgets"));
        assertNull(Fingerprint.of("Council cuts library"));
        // Function words and stock phrases do not count, however many there are.
        assertNull(Fingerprint.of("Thank you so much, have a great day, love you all, good night"));
        // Hashtags at the edges do not count either: they are the part campaigns vary.
        assertNull(Fingerprint.of("#Council #Cuts #Library #Budgets"));
        assertNull(Fingerprint.of("RT @someone: council cuts library https://t.co/x 🔥 #budgets"));
    }

    /** Exact values: a change here changes every stored fingerprint, and the JS build must match them. */
    @Test
    void fingerprintsAreStableBitForBit() {
        assertEquals("3cae7ca1148e48ee7ca1131c31c9b23ca3caa11a1131ca119b2e7c9b2a113ca48ee7c3caa113ca9b23ca48ea11e7c48e",
            Fingerprint.of("Council cuts library budgets").toString());
        assertEquals("75e0102aeb0c2569da182adf7333a2b26b2616a18220f3a275e256fba182caf73312df9b73316a75e12d2563a29dab26",
            Fingerprint.of("The party leadership never wanted you to win, they only wanted your vote in November.")
                .toString());
        assertEquals("97757457445326dab0977e4ee4e69d69d3d4453259e4e25969d01f69d2594533ea3d44531f588bbb5e4e01f977ab01f5",
            Fingerprint.of("Ünïcode spëlling, 2016 numbers & émoji 🔥 stay deterministic across runtimes").toString());
    }
}
