package org.synergia.effects.matching;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void lalonde() {
        Lalonde l = Lalonde.load();
        double[] p = l.rScore();
        for (int m : new int[] {1, 3}) {
            for (Estimand e : Estimand.values()) {
                int n = l.n();
                int nt = 0;
                for (boolean b : l.treated) if (b) nt++;
                int[] tr = new int[nt]; int[] co = new int[n - nt]; int a = 0, b2 = 0;
                for (int i = 0; i < n; i++) if (l.treated[i]) tr[a++] = i; else co[b2++] = i;
                double sd = sd(p);
                for (double cal : new double[] {Double.POSITIVE_INFINITY, 0.1 * sd}) {
                    MatchSet t = ScoreMatcher.nearest(new SortedScores(p, co), p, tr, m, cal, true, 1e-5, false);
                    MatchSet c = e == Estimand.ATE ? ScoreMatcher.nearest(new SortedScores(p, tr), p, co, m, cal, true, 1e-5, false) : null;
                    MatchedSample s = new MatchedSample(e, l.treated, l.re78, t, c, null);
                    double v = AbadieImbensVariance.of(s, AbadieImbensVariance.homoskedastic(s));
                    System.out.printf("%s M=%d cal=%s tau=%.10f se=%.10f kept=%d%n", e, m, cal, s.tau, Math.sqrt(v), s.nKept);
                }
            }
        }
    }
    static double sd(double[] x) { double m=0; for(double v:x) m+=v; m/=x.length; double s=0; for(double v:x) s+=(v-m)*(v-m); return Math.sqrt(s/(x.length-1)); }
}
