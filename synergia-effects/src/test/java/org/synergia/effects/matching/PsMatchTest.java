package org.synergia.effects.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.effects.potentialoutcomes.Estimand;

/** The estimated-score path, the AI2016 variance, weights and bad input. */
class PsMatchTest {

    private static final List<String> NAMES = List.of("(Intercept)", "x1", "x2");

    @Test
    void ownLogitReproducesRMatchingOnLalonde() {
        // R 4.2.2 glm + Matching 4.10.8 Match(Y=re78, Tr=treat, X=fitted(glm), estimand="ATT", M=1), Var.calc=0
        Lalonde l = Lalonde.load();
        double[][] d = l.design();
        double[][] cols = new double[d[0].length][l.n()];
        for (int i = 0; i < l.n(); i++) {
            for (int j = 0; j < cols.length; j++) {
                cols[j][i] = d[i][j];
            }
        }
        List<String> names = new java.util.ArrayList<>(List.of("(Intercept)"));
        names.addAll(List.of(Lalonde.COVARIATES));
        MatchingResult r = PsMatch.withDefaults().withTies(new Ties(Ties.Convention.MATCHING, 1e-5)).withStandardError(PsMatch.StandardError.AI2006)
                .fit(l.re78, l.treated, cols, names);
        assertEquals(1933.39187577477, r.effect().estimate(), 1933.39187577477 * 1e-6);
        assertEquals(1090.60464379094, r.effect().se(), 1090.60464379094 * 1e-4);
        MatchingResult ai2016 = PsMatch.withDefaults().withTies(new Ties(Ties.Convention.MATCHING, 1e-5)).fit(l.re78, l.treated, cols, names);
        assertEquals(r.effect().estimate(), ai2016.effect().estimate(), 1e-9);
        assertTrue(ai2016.effect().se() > 0 && Double.isFinite(ai2016.effect().se()));
        assertTrue(r.balance().isPresent());
        assertEquals(8, r.balance().get().rows().size());
    }

    /**
     * The AI2016 ATT adjustment recomputed here from its definition, in Stata's form
     * ([CAUSAL] teffects nnmatch, "PSM, ATE, and ATET variance adjustment"), by brute force on a
     * small sample: 30 rows, logit score, continuous covariates (no ties), {@code nn(2)}.
     */
    @Test
    void ai2016AdjustmentByHand() {
        Simulated s = new Simulated(30, 1.0, 11);
        PsMatch base = PsMatch.withDefaults().withOverlapTolerance(0);
        MatchingResult adj = base.fit(s.y, s.treated, s.columns, NAMES);
        // the base variance: robust AI2006 with the unit and its nearest same-arm unit (Stata nn(2))
        MatchingResult rob = base.withStandardError(PsMatch.StandardError.AI2006_ROBUST).withVarianceNeighbors(1)
                .fit(s.y, s.treated, s.columns, NAMES);
        double adjustment = (double) adj.diagnostics().get("ai2016_adjustment");
        assertEquals(rob.effect().se() * rob.effect().se() + adjustment, adj.effect().se() * adj.effect().se(), 1e-9);
        // recompute the adjustment: logit fit by Newton here, neighbours by brute force
        int n = s.y.length;
        double[] beta = new double[3];
        double[][] x = s.columns;
        double[] p = new double[n];
        double[][] info = new double[3][3];
        for (int it = 0; it < 50; it++) {
            double[] g = new double[3];
            info = new double[3][3];
            for (int i = 0; i < n; i++) {
                double eta = beta[0] * x[0][i] + beta[1] * x[1][i] + beta[2] * x[2][i];
                p[i] = 1 / (1 + Math.exp(-eta));
                for (int a = 0; a < 3; a++) {
                    g[a] += ((s.treated[i] ? 1 : 0) - p[i]) * x[a][i];
                    for (int b = 0; b < 3; b++) {
                        info[a][b] += p[i] * (1 - p[i]) * x[a][i] * x[b][i];
                    }
                }
            }
            double[] step = new org.hipparchus.linear.LUDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(info))
                    .getSolver().solve(new org.hipparchus.linear.ArrayRealVector(g)).toArray();
            for (int a = 0; a < 3; a++) {
                beta[a] += step[a];
            }
        }
        int n1 = 0;
        for (boolean t : s.treated) {
            n1 += t ? 1 : 0;
        }
        double tau = adj.effect().estimate();
        double[] c = new double[3];
        double[] d = new double[3];
        for (int i = 0; i < n; i++) {
            double f = p[i] * (1 - p[i]);
            int[] own1 = nearestOnScore(s, p, i, true, 2, s.treated[i]);
            int[] own0 = nearestOnScore(s, p, i, false, 2, !s.treated[i]);
            double[] cov1 = covariance(s, nearestOnScore(s, p, i, true, 2, false));
            double[] cov0 = covariance(s, nearestOnScore(s, p, i, false, 2, false));
            double y1 = mean(s, own1);
            double y0 = mean(s, own0);
            double sign = s.treated[i] ? 1 : -1;
            double yOther = s.y[nearestOnCovariates(s, i)];
            for (int a = 0; a < 3; a++) {
                c[a] += (x[a][i] * f * (y1 - y0 - tau) + (cov1[a] + p[i] / (1 - p[i]) * cov0[a]) * f) / n1;
                d[a] += x[a][i] * f * (sign * (s.y[i] - yOther) - tau) / n1;
            }
        }
        org.hipparchus.linear.RealMatrix inv = new org.hipparchus.linear.LUDecomposition(
                new org.hipparchus.linear.Array2DRowRealMatrix(info)).getSolver().getInverse();
        double expected = -quad(c, inv) + quad(d, inv);
        assertEquals(expected, adjustment, Math.abs(expected) * 1e-6);
    }

    /** The k units of an arm nearest to unit i on p, i itself skipped when {@code skipSelf}. */
    private static int[] nearestOnScore(Simulated s, double[] p, int i, boolean arm, int k, boolean skipSelf) {
        return java.util.stream.IntStream.range(0, p.length)
                .filter(j -> s.treated[j] == arm && !(skipSelf && j == i)).boxed()
                .sorted(java.util.Comparator.comparingDouble(j -> Math.abs(p[j] - p[i])))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** The unit of the other arm nearest to unit i in Euclidean distance on (x1, x2). */
    private static int nearestOnCovariates(Simulated s, int i) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int j = 0; j < s.y.length; j++) {
            if (s.treated[j] == s.treated[i]) {
                continue;
            }
            double d = Math.pow(s.columns[1][j] - s.columns[1][i], 2) + Math.pow(s.columns[2][j] - s.columns[2][i], 2);
            if (d < bestD) {
                bestD = d;
                best = j;
            }
        }
        return best;
    }

    private static double mean(Simulated s, int[] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(r -> s.y[r]).average().orElseThrow();
    }

    /** Sample covariance (divisor #rows - 1) of each regressor with y over the rows. */
    private static double[] covariance(Simulated s, int[] rows) {
        double ybar = mean(s, rows);
        double[] out = new double[3];
        for (int a = 0; a < 3; a++) {
            int col = a;
            double xbar = java.util.Arrays.stream(rows).mapToDouble(r -> s.columns[col][r]).average().orElseThrow();
            for (int r : rows) {
                out[a] += (s.columns[a][r] - xbar) * (s.y[r] - ybar) / (rows.length - 1);
            }
        }
        return out;
    }

    private static double quad(double[] v, org.hipparchus.linear.RealMatrix m) {
        return new org.hipparchus.linear.ArrayRealVector(v).dotProduct(m.operate(new org.hipparchus.linear.ArrayRealVector(v)));
    }


    /**
     * Coverage of the 95% interval with the AI2016 SE in a simulation (seeded): 300 samples of
     * 400 units with a planted effect of 1; the rate must lie within 3.5 binomial SEs of 0.95.
     */
    @Test
    void ai2016CoverageIsNominal() {
        for (Estimand e : new Estimand[] {Estimand.ATT, Estimand.ATE}) {
            int covered = 0;
            int reps = 300;
            for (int r = 0; r < reps; r++) {
                Simulated s = new Simulated(400, 1.0, 1000 + r);
                MatchingResult m = PsMatch.withDefaults().withEstimand(e).withOverlapTolerance(0)
                        .fit(s.y, s.treated, s.columns, NAMES);
                if (m.effect().ciLow() <= 1.0 && 1.0 <= m.effect().ciHigh()) {
                    covered++;
                }
            }
            double rate = covered / (double) reps;
            assertEquals(0.95, rate, 3.5 * Math.sqrt(0.95 * 0.05 / reps), e + " coverage " + rate);
        }
    }

    @Test
    void weightsReproduceTheEstimate() {
        Simulated s = new Simulated(500, 2.0, 5);
        for (Estimand e : new Estimand[] {Estimand.ATT, Estimand.ATE}) {
            MatchingResult r = PsMatch.withDefaults().withEstimand(e).withNeighbors(2).fit(s.y, s.treated, s.columns,
                    NAMES);
            double[] w = r.weights().matching();
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
            assertEquals(r.effect().estimate(), st / swt - sc / swc, 1e-9);
            assertTrue(r.weights().matchingFormula().contains("#J(i)"));
            assertTrue(r.diagnostics().containsKey("matching_weights"));
            assertEquals(r.weights().ipw().length, s.y.length);
        }
    }

    @Test
    void badInputNamesTheCounts() {
        Simulated s = new Simulated(200, 1.0, 3);
        boolean[] none = new boolean[200];
        InputException oneLevel = assertThrows(InputException.class,
                () -> PsMatch.withDefaults().fit(s.y, none, s.columns, NAMES));
        assertTrue(oneLevel.getMessage().contains("0 treated, 200 controls"), oneLevel.getMessage());
        InputException caliper = assertThrows(InputException.class, () -> PsMatch.withDefaults()
                .withStandardError(PsMatch.StandardError.AI2006).withCaliper(1e-12, null)
                .fitOnScore(s.y, s.treated, s.propensity, List.of(), new double[0][]));
        assertTrue(caliper.getMessage().contains("leaves none of the"), caliper.getMessage());
        double[] y = s.y.clone();
        y[7] = Double.NaN;
        InputException missing = assertThrows(InputException.class,
                () -> PsMatch.withDefaults().fit(y, s.treated, s.columns, NAMES));
        assertTrue(missing.getMessage().contains("row 8"), missing.getMessage());
        InputException known = assertThrows(InputException.class, () -> PsMatch.withDefaults()
                .fitOnScore(s.y, s.treated, s.propensity, List.of(), new double[0][]));
        assertTrue(known.getMessage().contains("ai2016"));
        MatchingResult trimmed = PsMatch.withDefaults().withCommonSupport(PsMatch.CommonSupport.TRIM, 0.2)
                .fit(s.y, s.treated, s.columns, NAMES);
        assertTrue(trimmed.warnings().get(0).startsWith("trimming dropped"), trimmed.warnings().toString());
        Map<String, Object> diag = trimmed.diagnostics();
        assertTrue((int) diag.get("n_dropped_support") > 0);
    }
}
