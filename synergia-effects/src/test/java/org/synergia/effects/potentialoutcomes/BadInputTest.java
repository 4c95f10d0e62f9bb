package org.synergia.effects.potentialoutcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.Estimate;

/** Bad input gives a one-line InputException naming counts and variables, never NaN. */
class BadInputTest {

    private static final TreatmentData LALONDE = TestData.lalonde();

    private static String fails(Runnable r) {
        return assertThrows(InputException.class, r::run).getMessage();
    }

    private static TreatmentData withTreatment(TreatmentData d, double[] t) {
        return new TreatmentData(d.outcome(), t, d.outcomeDesign(), d.outcomeNames(), d.treatmentDesign(),
                d.treatmentNames(), d.weights(), d.clusters());
    }

    @Test
    void oneLevelTreatment() {
        double[] t = new double[LALONDE.size()];
        Arrays.fill(t, 1);
        String m = fails(() -> Ipwra.withDefaults().fit(withTreatment(LALONDE, t)));
        assertTrue(m.contains("1 level (1)"), m);
    }

    @Test
    void controlLevelWithoutObservations() {
        String m = fails(() -> Ra.withDefaults().withControl(5).fit(LALONDE));
        assertTrue(m.contains("control level 5") && m.contains("0, 1"), m);
    }

    @Test
    void armTooSmallForItsOutcomeModel() {
        double[] t = LALONDE.treatment().clone();
        t[0] = 2;
        t[1] = 2;
        String m = fails(() -> Ra.withDefaults().fit(withTreatment(LALONDE, t)));
        assertTrue(m.contains("arm 2 has 2 observations") && m.contains("9 parameters"), m);
    }

    @Test
    void missingOutcome() {
        double[] y = LALONDE.outcome().clone();
        y[3] = Double.NaN;
        y[7] = Double.NaN;
        TreatmentData d = new TreatmentData(y, LALONDE.treatment(), LALONDE.outcomeDesign(), LALONDE.outcomeNames(),
                LALONDE.treatmentDesign(), LALONDE.treatmentNames(), null, null);
        String m = fails(() -> Aipw.withDefaults().fit(d));
        assertTrue(m.contains("outcome is missing") && m.contains("2 observations") && m.contains("row 4"), m);
    }

    @Test
    void missingCovariate() {
        double[][] x = LALONDE.outcomeDesign().clone();
        x[2] = x[2].clone();
        x[2][10] = Double.NaN;
        TreatmentData d = new TreatmentData(LALONDE.outcome(), LALONDE.treatment(), x, LALONDE.outcomeNames(), x,
                LALONDE.treatmentNames(), null, null);
        String m = fails(() -> Ipwra.withDefaults().fit(d));
        assertTrue(m.contains("covariate educ") && m.contains("row 11"), m);
    }

    @Test
    void negativeAndAllZeroWeights() {
        double[] w = new double[LALONDE.size()];
        Arrays.fill(w, 1);
        w[5] = -1;
        w[9] = -2;
        String m = fails(() -> Ipw.withDefaults().fit(LALONDE.withWeights(w)));
        assertTrue(m.contains("negative in 2 observations"), m);
        double[] zero = new double[LALONDE.size()];
        m = fails(() -> Ipw.withDefaults().fit(LALONDE.withWeights(zero)));
        assertTrue(m.contains("every weight is zero"), m);
    }

    @Test
    void zeroWeightsAreDroppedWithAWarning() {
        double[] w = new double[LALONDE.size()];
        Arrays.fill(w, 1);
        w[0] = 0;
        TreatmentEffectResult r = Ipwra.withDefaults().fit(LALONDE.withWeights(w));
        assertEquals(LALONDE.size() - 1, r.n());
        assertTrue(r.warnings().get(0).contains("1 observations with zero weight"), r.warnings().toString());
    }

    @Test
    void collinearCovariate() {
        double[][] x = Arrays.copyOf(LALONDE.outcomeDesign(), LALONDE.outcomeDesign().length + 1);
        x[x.length - 1] = x[1].clone(); // age again
        String[] names = Arrays.copyOf(LALONDE.outcomeNames(), x.length);
        names[x.length - 1] = "age_again";
        TreatmentData d = new TreatmentData(LALONDE.outcome(), LALONDE.treatment(), x, names, x, names, null, null);
        String m = fails(() -> Ipwra.withDefaults().fit(d));
        assertTrue(m.contains("treatment model") && m.contains("age_again") && m.contains("collinear"), m);
        m = fails(() -> Ra.withDefaults().fit(d));
        assertTrue(m.contains("outcome model in treatment arm 0") && m.contains("age_again"), m);
    }

    @Test
    void perfectPredictionInTheTreatmentModel() {
        double[][] x = Arrays.copyOf(LALONDE.treatmentDesign(), LALONDE.treatmentDesign().length + 1);
        x[x.length - 1] = LALONDE.treatment().clone();
        String[] names = Arrays.copyOf(LALONDE.treatmentNames(), x.length);
        names[x.length - 1] = "enrolled";
        TreatmentData d = new TreatmentData(LALONDE.outcome(), LALONDE.treatment(), LALONDE.outcomeDesign(),
                LALONDE.outcomeNames(), x, names, null, null);
        String m = fails(() -> Ipw.withDefaults().fit(d));
        assertTrue(m.startsWith("treatment model: ") && m.contains("enrolled"), m);
    }

    /**
     * A design whose true scores are Λ(2.5x), x uniform on (-6, 6): about a fifth of the scores lie
     * outside [1e-5, 1 - 1e-5], none below 1e-7 (so the logit's MLE exists and is not flagged as separation).
     */
    private static TreatmentData poorOverlap() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 600;
        double[] x = new double[n];
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-6, 6);
            double p = 1 / (1 + Math.exp(-2.5 * x[i]));
            t[i] = rng.nextDouble() < p ? 1 : 0;
            y[i] = x[i] + t[i] + rng.nextGaussian();
        }
        return TreatmentData.withCommonCovariates(y, t, new double[][] {x}, "x");
    }

    @Test
    void overlapIsRefusedTrimmedOrAllowed() {
        TreatmentData d = poorOverlap();
        String m = fails(() -> Ipw.withDefaults().fit(d));
        assertTrue(m.matches("\\d+ of 600 observations have an estimated treatment probability outside \\[1e-05, 1 - 1e-05\\].*"
                + "--overlap trim.*"), m);
        int outside = Integer.parseInt(m.substring(0, m.indexOf(' ')));
        TreatmentEffectResult trimmed = Ipw.withDefaults().withOverlap(OverlapRule.TRIM).fit(d);
        assertEquals(600 - outside, trimmed.n());
        assertEquals(outside, trimmed.diagnostics().get("overlap_trimmed"));
        assertTrue(trimmed.warnings().get(0).contains("trimmed"), trimmed.warnings().toString());
        TreatmentEffectResult allowed = Ipwra.withDefaults().withOverlap(OverlapRule.ALLOW).fit(d);
        assertEquals(600, allowed.n());
        assertTrue(allowed.warnings().get(0).contains("kept as asked"), allowed.warnings().toString());
        allFinite(trimmed);
        allFinite(allowed);
    }

    @Test
    void synergyNeedsFourDistinctLevels() {
        String m = fails(() -> Ipwra.withDefaults().withSynergy(new Synergy(3, 1, 2)).fit(LALONDE));
        assertTrue(m.contains("exactly four levels") && m.contains("it has 2: 0, 1"), m);
        assertThrows(InputException.class, () -> Synergy.parse("3=1"));
        assertEquals(new Synergy(3, 1, 2), Synergy.parse("3=1+2"));
    }

    @Test
    void probitNeedsABinaryTreatment() {
        double[] t = LALONDE.treatment().clone();
        for (int i = 0; i < t.length; i += 3) {
            t[i] = 2;
        }
        String m = fails(() -> Ipw.withDefaults().withLink(Link.PROBIT).fit(withTreatment(LALONDE, t)));
        assertTrue(m.contains("3 levels") && m.contains("probit"), m);
    }

    @Test
    void attNeedsATreatedLevelOtherThanControl() {
        String m = fails(() -> Ra.withDefaults().withEstimand(Estimand.ATT).withTreatedLevel(0).fit(LALONDE));
        assertTrue(m.contains("equals the control level 0"), m);
    }

    @Test
    void resultsAreFinite() {
        allFinite(Ra.withDefaults().fit(LALONDE));
        allFinite(Ipw.withDefaults().withEstimand(Estimand.POMEANS).fit(LALONDE));
        allFinite(Aipw.withDefaults().withEstimand(Estimand.ATT).fit(LALONDE));
    }

    private static void allFinite(TreatmentEffectResult r) {
        for (Estimate e : r.estimates()) {
            assertTrue(Double.isFinite(e.estimate()) && Double.isFinite(e.se()) && e.se() > 0 && Double.isFinite(e.pValue()),
                    e.toString());
        }
    }
}
