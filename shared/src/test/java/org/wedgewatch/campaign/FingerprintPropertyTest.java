package org.wedgewatch.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FingerprintPropertyTest {
    private static final String[] WORDS = {
        "the", "party", "council", "voters", "never", "wanted", "budget", "to", "win", "primary", "rigged", "of",
        "leaders", "donors", "quietly", "changed", "rules", "again", "working", "families", "and", "pipeline",
        "libraries", "police", "they", "we", "remember", "November", "moderates", "ballot", "in", "union",
    };

    @Provide
    Arbitrary<String> sentences() {
        return Arbitraries.of(WORDS).list().ofMinSize(6).ofMaxSize(20).map(ws -> String.join(" ", ws))
            .filter(s -> Fingerprint.of(s) != null);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.of("RT @some_user: %s", "%s #StillAngry #WakeUp", "#WakeUp %s", "%s https://t.co/Ab12Cd",
            "@one @two %s", "%s 🔥🔥", "💥 %s 💥", "via @digest %s", "%s!!!", "\"%s\"", "%s... https://example.org/x?y=1");
    }

    @Property(tries = 300)
    void noiseAroundTheWordsChangesNothing(@ForAll("sentences") String s, @ForAll("noise") String a,
                                           @ForAll("noise") String b) {
        String noisy = a.replace("%s", b.replace("%s", s));
        assertEquals(Fingerprint.of(s), Fingerprint.of(noisy), noisy);
        assertEquals(Fingerprint.of(s), Fingerprint.of(s.toUpperCase()));
    }

    @Property(tries = 300)
    void aFingerprintAgreesFullyWithItselfAndIsDeterministic(@ForAll("sentences") String s) {
        Fingerprint f = Fingerprint.of(s);
        assertNotNull(f);
        assertEquals(Fingerprint.SLOTS, f.agreement(Fingerprint.of(s)));
        assertTrue(f.toString().matches("[0-9a-f]{96}"));
    }

    @Property(tries = 200)
    void agreementIsSymmetric(@ForAll("sentences") String s, @ForAll("sentences") String t) {
        assertEquals(Fingerprint.of(s).agreement(Fingerprint.of(t)), Fingerprint.of(t).agreement(Fingerprint.of(s)));
    }
}
