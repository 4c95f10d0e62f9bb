package org.synergia.lewie.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.ParameterFile;

/** Monte Carlo intervals are reproducible and sensible. */
class MonteCarloTest {

    private static final LewieParameters LESOTHO = ParameterFile.lesothoExample();
    private static final Scenario CGP = Scenario.none().withTransfer("eligible_treated", 1_000_000);

    @Test
    void sameSeedSameDrawsWhateverTheThreadCount() {
        MonteCarlo mc = MonteCarlo.withDefaults().withDraws(12).withSeed(42);
        AtomicInteger calls = new AtomicInteger();
        MonteCarloResult one = mc.withThreads(1).run(LESOTHO, CGP, (done, total) -> calls.incrementAndGet());
        MonteCarloResult two = mc.withThreads(2).run(LESOTHO, CGP, ProgressListener.NONE);
        assertEquals(12, calls.get());
        for (String name : one.summaries().keySet()) {
            assertArrayEquals(one.draws(name), two.draws(name), 0, name);
        }
        assertEquals(one.summaries(), two.summaries());
        MonteCarloResult other = mc.withSeed(43).run(LESOTHO, CGP, ProgressListener.NONE);
        assertFalse(Arrays.equals(one.draws("income_multiplier"), other.draws("income_multiplier")));
    }

    @Test
    void summariesBracketTheDraws() {
        MonteCarloResult r = MonteCarlo.withDefaults().withDraws(20).withSeed(7).withThreads(2)
                .run(LESOTHO, CGP, ProgressListener.NONE);
        Summary s = r.summaries().get("income_multiplier");
        double[] d = r.draws("income_multiplier");
        double min = Arrays.stream(d).min().orElseThrow();
        double max = Arrays.stream(d).max().orElseThrow();
        assertTrue(min <= s.p5() && s.p5() <= s.mean() && s.mean() <= s.p95() && s.p95() <= max);
        assertTrue(s.sd() > 0);
        assertEquals(r.point().incomeMultiplier(), s.estimate(), 0);
        // the sampled shares move the multiplier, but not far from its point value
        assertTrue(Math.abs(s.mean() - s.estimate()) < 3 * s.sd());
        // as an estimation result: one row per statistic, interval = 5th-95th percentiles
        assertEquals("lewie", r.method());
        assertEquals(20, r.n());
        assertEquals(r.summaries().size(), r.estimates().size());
        assertEquals("income_multiplier", r.estimates().get(0).name());
        assertEquals(s.p5(), r.estimates().get(0).ciLow(), 0);
        assertEquals(s.sd(), r.estimates().get(0).se(), 0);
    }
}
