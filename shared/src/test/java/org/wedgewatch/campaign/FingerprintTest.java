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
        assertEquals("144c2af90c72c1601cc026b423c07be6a2df6aba2e7d36a3df17c624dba21c033ab12d11d79da54212179ef4815be8bd",
            Fingerprint.of("Council cuts library budgets").toString());
        assertEquals("ac8b47baadbc0c6c09d350b46defc0355e9d6e08472f05de4a6d02add4494fc39b77072ad1f1cc0d0dc5b7c61b3a5d0f",
            Fingerprint.of("The party leadership never wanted you to win, they only wanted your vote in November.")
                .toString());
        assertEquals("af101049a50ac95ddf3ee79fd50a2628ef1d721265e653cfdeb09d6812a96e1335bbcdab5e638c427ec8b55ceb69c3e1",
            Fingerprint.of("Ünïcode spëlling, 2016 numbers & émoji 🔥 stay deterministic across runtimes").toString());
    }
}
