package org.wedgewatch.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The index against the plainest possible model: a list of sightings, filtered and counted on
 * every question. Wordings are five unrelated fingerprints so the model needs no similarity.
 */
class CampaignIndexPropertyTest {
    record Op(int wording, int account, int post, int minutesLater, boolean reload) {
    }

    record Sighting(int wording, int account, int post, long time) {
    }

    static final Fingerprint[] WORDINGS = {
        CampaignIndexTest.PRIMARY, CampaignIndexTest.LIBRARY, CampaignIndexTest.UNION, CampaignIndexTest.DONORS,
        CampaignIndexTest.fp("Read this before you vote: the committee quietly changed the rules again"),
    };

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
            Arbitraries.integers().between(0, WORDINGS.length - 1), Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 90),
            Arbitraries.integers().between(0, 9).map(i -> i == 0)).as(Op::new);
        return op.list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void matchesTheModel(@ForAll("ops") List<Op> ops, @ForAll("capacities") int capacity) {
        long window = 120 * CampaignIndexTest.MINUTE;
        CampaignIndex index = new CampaignIndex(capacity, window);
        List<Sighting> model = new ArrayList<>();
        long now = CampaignIndexTest.T0;
        for (Op op : ops) {
            now += op.minutesLater() * CampaignIndexTest.MINUTE;
            if (op.reload()) index = IndexCodec.decode(IndexCodec.encode(index));
            index.observe(WORDINGS[op.wording()], "acct" + op.account(), now, "post" + op.post());
            final long t = now;
            model.removeIf(s -> s.time() < t - window);
            boolean repeat = model.stream().anyMatch(s -> s.wording() == op.wording()
                && s.account() == op.account() && s.post() == op.post());
            if (!repeat) {
                if (model.size() == capacity) model.remove(0);
                model.add(new Sighting(op.wording(), op.account(), op.post(), now));
            }
            for (int w = 0; w < WORDINGS.length; w++) {
                Set<Integer> accounts = new HashSet<>();
                List<Long> times = new ArrayList<>();
                for (Sighting s : model) {
                    if (s.wording() != w) continue;
                    accounts.add(s.account());
                    times.add(s.time());
                }
                assertEquals(accounts.size(), index.distinctAccounts(WORDINGS[w], now), "accounts, wording " + w);
                assertArrayEquals(times.stream().mapToLong(Long::longValue).toArray(), index.timesSeen(WORDINGS[w], now));
            }
            assertEquals(model.size(), index.size());
        }
    }

    @Provide
    Arbitrary<Integer> capacities() {
        return Arbitraries.integers().between(1, 12);
    }
}
