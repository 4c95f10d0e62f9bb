package org.synergia.effects.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.effects.potentialoutcomes.Estimand;

/** Kernel matching: the O(n log n) sums against direct sums, the weights, the seeded bootstrap. */
class KernelMatchTest {

    private static final List<String> NAMES = List.of("(Intercept)", "x1", "x2");

    /** The estimate from the definition, summing the kernel over every pair (a kernel sum below 1e-12 of the peak counts as none). */
    private static double direct(Kernel k, double h, Estimand e, double[] y, boolean[] t, double[] p) {
        double total = 0;
        int kept = 0;
        for (int i = 0; i < y.length; i++) {
            if (e == Estimand.ATT && !t[i]) {
                continue;
            }
            double sk = 0;
            double sky = 0;
            for (int j = 0; j < y.length; j++) {
                if (t[j] != t[i]) {
                    double w = k.at((p[j] - p[i]) / h);
                    sk += w;
                    sky += w * y[j];
                }
            }
            if (sk > 1e-12 * k.at(0)) {
                kept++;
                total += t[i] ? y[i] - sky / sk : sky / sk - y[i];
            }
        }
        return total / kept;
    }

    @Test
    void fastSumsEqualDirectSums() {
        Simulated s = new Simulated(600, 1.0, 21);
        for (Kernel k : Kernel.values()) {
            for (Estimand e : new Estimand[] {Estimand.ATT, Estimand.ATE}) {
                for (double h : new double[] {0.01, 0.06, 0.3}) {
                    KernelMatch km = KernelMatch.withDefaults().withKernel(k).withBandwidth(h).withEstimand(e);
                    double[] w = new double[s.y.length];
                    double fast = km.estimate(s.y, s.treated, s.propensity, w, new ArrayList<>());
                    assertEquals(direct(k, h, e, s.y, s.treated, s.propensity), fast, 1e-9, k + " " + e + " " + h);
                    double st = 0;
                    double swt = 0;
                    double sc = 0;
                    double swc = 0;
                    for (int i = 0; i < w.length; i++) {
                        if (s.treated[i]) {
                            st += w[i] * s.y[i];
                            swt += w[i];
                        } else {
                            sc += w[i] * s.y[i];
                            swc += w[i];
                        }
                    }
                    assertEquals(fast, st / swt - sc / swc, 1e-8, "weights reproduce the estimate");
                }
            }
        }
    }

    @Test
    void seededBootstrapIsReproducibleAndRecoversTheEffect() {
        Simulated s = new Simulated(800, 2.0, 4);
        KernelMatch km = KernelMatch.withDefaults().withBootstrap(50, 99);
        MatchingResult a = km.fit(s.y, s.treated, s.columns, NAMES);
        MatchingResult b = km.fit(s.y, s.treated, s.columns, NAMES);
        assertEquals(a.effect().se(), b.effect().se(), 0.0);
        assertTrue(a.effect().se() > 0.02 && a.effect().se() < 0.5, "se " + a.effect().se());
        assertEquals(2.0, a.effect().estimate(), 4 * a.effect().se());
        assertEquals("bootstrap", a.diagnostics().get("se"));
        assertTrue(KernelMatch.withDefaults().withBootstrap(50, 100).fit(s.y, s.treated, s.columns, NAMES).effect().se()
                != a.effect().se());
    }

    @Test
    void tooNarrowBandwidthIsRefused() {
        Simulated s = new Simulated(50, 1.0, 8);
        InputException e = assertThrows(InputException.class, () -> KernelMatch.withDefaults().withBandwidth(1e-9)
                .estimate(s.y, s.treated, s.propensity, new double[50], new ArrayList<>()));
        assertTrue(e.getMessage().contains("widen the bandwidth"));
    }
}
