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
}
