package org.synergia.measures.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class PowerDesignTest {

    private static final int REPS = 2000;

    @Test
    void textbookTwoArmMde() {
        // Individually randomised, n = 1000, equal allocation, alpha 0.05, power 0.8: the familiar
        // MDE ~ 2.8 * sqrt(4/n) SD = 0.177 SD (Bloom 1995; t on 998 df gives 2.8036...).
        PowerDesign d = PowerDesign.individual(1000);
        double m = new TDistribution(998).inverseCumulativeProbability(0.975)
                + new TDistribution(998).inverseCumulativeProbability(0.8);
        assertEquals(m * Math.sqrt(4.0 / 1000), d.mde(Contrast.TREATMENT), 1e-12);
        // synergy needs four times the sample for the same MDE: its MDE is twice a two-arm trial's
        PowerDesign f = PowerDesign.individual(1000).withArms(ArmLayout.FACTORIAL);
        assertEquals(2 * d.standardError(Contrast.TREATMENT), f.standardError(Contrast.SYNERGY), 1e-12);
        assertEquals(Math.sqrt(2) * d.standardError(Contrast.TREATMENT), f.standardError(Contrast.A_VS_CONTROL), 1e-12);
        // required sample: the smallest n with MDE <= target
        int n = d.requiredClusters(Contrast.TREATMENT, 0.2);
        assertTrue(PowerDesign.individual(n).mde(Contrast.TREATMENT) <= 0.2);
        assertTrue(PowerDesign.individual(n - 1).mde(Contrast.TREATMENT) > 0.2);
    }

    @Test
    void clusterFactorialSynergyPowerAgreesWithPlantedEffectSimulation() {
        // 80 clusters of 12, 1/6 attrition (10 respond), ICC 0.1, synergy planted at its MDE;
        // analysis on cluster means with a t-test on J - 4 df.
        PowerDesign d = PowerDesign.clustered(80, 12).withArms(ArmLayout.FACTORIAL).withIcc(0.1).withAttrition(1.0 / 6);
        double effect = d.mde(Contrast.SYNERGY);
        double expected = d.power(Contrast.SYNERGY, effect);
        assertEquals(0.8, expected, 0.01);
        SplittableRandom rng = new SplittableRandom(2017);
        TDistribution t = new TDistribution(76);
        double crit = t.inverseCumulativeProbability(0.975);
        int rejections = 0;
        double sdCluster = Math.sqrt(0.1);
        double sdMember = Math.sqrt(0.9);
        for (int rep = 0; rep < REPS; rep++) {
            double[][] means = new double[4][20];
            for (int arm = 0; arm < 4; arm++) {
                double shift = arm == 3 ? effect : 0;
                for (int j = 0; j < 20; j++) {
                    double u = sdCluster * gauss(rng);
                    double s = 0;
                    for (int i = 0; i < 10; i++) {
                        s += shift + u + sdMember * gauss(rng);
                    }
                    means[arm][j] = s / 10;
                }
            }
            double[] armMean = new double[4];
            double ss = 0;
            for (int arm = 0; arm < 4; arm++) {
                for (double v : means[arm]) {
                    armMean[arm] += v / 20;
                }
                for (double v : means[arm]) {
                    ss += (v - armMean[arm]) * (v - armMean[arm]);
                }
            }
            double s2 = ss / 76;
            double est = armMean[3] - armMean[1] - armMean[2] + armMean[0];
            double se = Math.sqrt(s2 * 4 / 20);
            if (Math.abs(est / se) > crit) {
                rejections++;
            }
        }
        double empirical = (double) rejections / REPS;
        double mcError = Math.sqrt(expected * (1 - expected) / REPS);
        assertEquals(expected, empirical, 4 * mcError, "simulated power " + empirical);
    }

    @Test
    void covariateR2PowerAgreesWithRegressionAdjustedSimulation() {
        // n = 200 individuals, R2 = 0.5 from one covariate, effect at half the MDE (power ~0.29)
        PowerDesign d = PowerDesign.individual(200).withR2(0.5);
        double effect = 0.5 * d.mde(Contrast.TREATMENT);
        double expected = d.power(Contrast.TREATMENT, effect);
        SplittableRandom rng = new SplittableRandom(99);
        double crit = new TDistribution(197).inverseCumulativeProbability(0.975);
        int rejections = 0;
        for (int rep = 0; rep < REPS; rep++) {
            double[][] x = new double[200][3];
            double[] y = new double[200];
            for (int i = 0; i < 200; i++) {
                double treat = i % 2;
                double cov = gauss(rng);
                x[i][0] = 1;
                x[i][1] = treat;
                x[i][2] = cov;
                y[i] = effect * treat + Math.sqrt(0.5) * cov + Math.sqrt(0.5) * gauss(rng);
            }
            RealMatrix xm = new Array2DRowRealMatrix(x, false);
            RealMatrix xtxInv = new LUDecomposition(xm.transposeMultiply(xm)).getSolver().getInverse();
            double[] b = xtxInv.operate(xm.transpose().operate(y));
            double rss = 0;
            for (int i = 0; i < 200; i++) {
                double e = y[i] - b[0] - b[1] * x[i][1] - b[2] * x[i][2];
                rss += e * e;
            }
            double se = Math.sqrt(rss / 197 * xtxInv.getEntry(1, 1));
            if (Math.abs(b[1] / se) > crit) {
                rejections++;
            }
        }
        double empirical = (double) rejections / REPS;
        double mcError = Math.sqrt(expected * (1 - expected) / REPS);
        assertEquals(expected, empirical, 4 * mcError, "simulated power " + empirical);
    }

    private static double gauss(SplittableRandom g) {
        return Math.sqrt(-2 * Math.log(1 - g.nextDouble())) * Math.cos(2 * Math.PI * g.nextDouble());
    }
}
