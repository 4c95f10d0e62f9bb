package org.synergia.effects.matching;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void lalonde() {
        Lalonde l = Lalonde.load();
        double[] p = l.rScore();
        double[][] ref = {{1, 0, 1090.60464379094}, {1, 1, 1456.54260931051}, {3, 0, 1025.96068040588}, {1, 2, 1073.85865749549}};
        for (double[] rr : ref) {
            int m = (int) rr[0];
            Estimand e = rr[1] == 1 ? Estimand.ATE : Estimand.ATT;
            int n = l.n();
            int nt = 0;
            for (boolean b : l.treated) if (b) nt++;
            int[] tr = new int[nt]; int[] co = new int[n - nt]; int a = 0, b2 = 0;
            for (int i = 0; i < n; i++) if (l.treated[i]) tr[a++] = i; else co[b2++] = i;
            double sd = sd(p); double tq = 1e-5 * sd * sd;
            double cal = rr[1] == 2 ? 0.1 * sd : Double.POSITIVE_INFINITY;
            MatchSet t = ScoreMatcher.nearest(new SortedScores(p, co), p, tr, m, cal, true, tq, false);
            MatchSet c = e == Estimand.ATE ? ScoreMatcher.nearest(new SortedScores(p, tr), p, co, m, cal, true, tq, false) : null;
            MatchedSample s = new MatchedSample(e, l.treated, l.re78, t, c, null);
            double[] zero = new double[n]; double[] one = new double[n]; java.util.Arrays.fill(one, 1);
            double H = AbadieImbensVariance.of(s, zero) * s.nKept * s.nKept;
            double F = AbadieImbensVariance.of(s, one) * s.nKept * s.nKept - H;
            double V = rr[2] * rr[2] * s.nKept * s.nKept;
            double sig = (V - H) / F;
            // Stata-like: average over individual matches of (y_i - y_j - tau)^2
            double st = 0;
            for (MatchSet ms : new MatchSet[] {t, c}) {
                if (ms == null) continue;
                for (int k = 0; k < ms.focalCount(); k++) {
                    if (!ms.isMatched(k)) continue;
                    int i = ms.focalRow(k);
                    double acc = 0;
                    for (int j : ms.matchesOf(k)) {
                        double d = (l.treated[i] ? l.re78[i] - l.re78[j] : l.re78[j] - l.re78[i]) - s.tau;
                        acc += d * d;
                    }
                    st += acc / ms.matchCount(k);
                }
            }
            double sigS = st / (2.0 * s.nKept); int nf = t.focalCount() + (c == null ? 0 : c.focalCount());
            int dr = nf - s.nKept; System.out.printf("zeroDropped=%.10f%n", Math.sqrt(H + dr * s.tau * s.tau + sigS * F) / nf);
            System.out.printf("variants: keptN=%.10f focalN=%.10f ref=%.10f%n", Math.sqrt((H + sigS * F)) / s.nKept, Math.sqrt(H + sigS * F) / nf, rr[2]);
            System.out.printf("%s M=%d H=%.6g F=%.6g impliedSigma2=%.8g  ss/2N=%.8g stata=%.8g  H/N=%.8g%n", e, m, H, F, sig, H / (2.0 * s.nKept), st / (2.0 * s.nKept), H / s.nKept);
        }
    }
    static double sd(double[] x) { double m=0; for(double v:x) m+=v; m/=x.length; double s=0; for(double v:x) s+=(v-m)*(v-m); return Math.sqrt(s/(x.length-1)); }
}
