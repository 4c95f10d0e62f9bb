package org.synergia.measures.power;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;
import org.synergia.data.InputException;

/**
 * Closed-form power and minimum detectable effects (MDEs) for two-arm and 2x2 factorial designs,
 * individually or cluster-randomised, or observational with selection on covariates. The
 * variance of a contrast {@code sum_k c_k Ybar_k} of arm means is (Bloom 1995, 2005; Raudenbush
 * 1997, eq. 9; Schochet 2008, eq. 5)
 * <pre>  V = sigma² / (1 - R²_D) · sum_k c_k² [ rho (1 - R²_c) + (1 - rho)(1 - R²_i) / m' ] / J_k</pre>
 * with {@code J_k} the clusters in arm k, {@code m' = m (1 - attrition)} the responding members
 * per cluster, {@code rho} the intra-cluster correlation, {@code R²_c}, {@code R²_i} the shares of
 * cluster- and individual-level variance explained by covariates, and {@code R²_D} the share of
 * treatment variance explained by covariates in an observational design (the variance inflation
 * of regression adjustment; 0 when randomised). An individually randomised design is the case
 * {@code m = 1}, {@code rho = 0}. The MDE is {@code (t_{1-alpha/2} + t_{power}) sqrt(V)} on
 * {@code J - K} degrees of freedom (K arms; Bloom 2005, eq. 5.4). The synergy contrast weighs
 * all four arms with {@code c² = 1}, so its variance is four times that of a two-arm comparison
 * of the same total sample: its MDE is twice as large, needing four times the sample.
 * Immutable; effects and MDEs are in outcome units ({@link #withSd}, default 1 = SD units).
 */
public final class PowerDesign {

    private final int clusters;
    private final double clusterSize;
    private final ArmLayout layout;
    private final double[] shares;
    private final double icc;
    private final double individualR2;
    private final double clusterR2;
    private final double treatmentR2;
    private final double attrition;
    private final double alpha;
    private final double power;
    private final double sd;

    private PowerDesign(int clusters, double clusterSize, ArmLayout layout, double[] shares, double icc,
            double individualR2, double clusterR2, double treatmentR2, double attrition, double alpha, double power,
            double sd) {
        this.clusters = clusters;
        this.clusterSize = clusterSize;
        this.layout = layout;
        this.shares = shares;
        this.icc = icc;
        this.individualR2 = individualR2;
        this.clusterR2 = clusterR2;
        this.treatmentR2 = treatmentR2;
        this.attrition = attrition;
        this.alpha = alpha;
        this.power = power;
        this.sd = sd;
    }

    /**
     * An individually randomised (or individually sampled observational) two-arm design.
     *
     * @param n the total sample size
     * @return the design, equal allocation, alpha 0.05, power 0.8
     */
    public static PowerDesign individual(int n) {
        return new PowerDesign(n, 1, ArmLayout.TWO_ARM, equal(2), 0, 0, 0, 0, 0, 0.05, 0.8, 1).checked();
    }

    /**
     * A cluster-randomised two-arm design.
     *
     * @param clusters the total number of clusters
     * @param clusterSize the members sampled per cluster
     * @return the design, equal allocation, ICC 0, alpha 0.05, power 0.8
     */
    public static PowerDesign clustered(int clusters, double clusterSize) {
        return new PowerDesign(clusters, clusterSize, ArmLayout.TWO_ARM, equal(2), 0, 0, 0, 0, 0, 0.05, 0.8, 1).checked();
    }

    /**
     * @param arms two-arm or factorial (allocation reset to equal shares)
     * @return this design with that layout
     */
    public PowerDesign withArms(ArmLayout arms) {
        return new PowerDesign(clusters, clusterSize, arms, equal(arms.arms()), icc, individualR2, clusterR2, treatmentR2,
                attrition, alpha, power, sd).checked();
    }

    /**
     * @param allocation the share of clusters (or individuals) in each arm, in layout order, summing to 1
     * @return this design with that allocation
     */
    public PowerDesign withShares(double... allocation) {
        return new PowerDesign(clusters, clusterSize, layout, allocation.clone(), icc, individualR2, clusterR2,
                treatmentR2, attrition, alpha, power, sd).checked();
    }

    /**
     * @param rho the intra-cluster correlation, in [0, 1)
     * @return this design with that ICC
     */
    public PowerDesign withIcc(double rho) {
        return new PowerDesign(clusters, clusterSize, layout, shares, rho, individualR2, clusterR2, treatmentR2,
                attrition, alpha, power, sd).checked();
    }

    /**
     * @param r2 share of individual-level outcome variance explained by covariates, in [0, 1)
     * @return this design with that R²
     */
    public PowerDesign withR2(double r2) {
        return new PowerDesign(clusters, clusterSize, layout, shares, icc, r2, clusterR2, treatmentR2, attrition, alpha,
                power, sd).checked();
    }

    /**
     * @param r2 share of cluster-level outcome variance explained by covariates, in [0, 1)
     * @return this design with that R²
     */
    public PowerDesign withClusterR2(double r2) {
        return new PowerDesign(clusters, clusterSize, layout, shares, icc, individualR2, r2, treatmentR2, attrition,
                alpha, power, sd).checked();
    }

    /**
     * @param r2 share of treatment variance explained by covariates (observational designs), in [0, 1)
     * @return this design with that variance inflation
     */
    public PowerDesign withTreatmentR2(double r2) {
        return new PowerDesign(clusters, clusterSize, layout, shares, icc, individualR2, clusterR2, r2, attrition, alpha,
                power, sd).checked();
    }

    /**
     * @param share expected share of sampled members lost to follow-up, in [0, 1)
     * @return this design with that attrition
     */
    public PowerDesign withAttrition(double share) {
        return new PowerDesign(clusters, clusterSize, layout, shares, icc, individualR2, clusterR2, treatmentR2, share,
                alpha, power, sd).checked();
    }

    /**
     * @param level the two-sided test level, in (0, 1)
     * @return this design with that alpha
     */
    public PowerDesign withAlpha(double level) {
        return new PowerDesign(clusters, clusterSize, layout, shares, icc, individualR2, clusterR2, treatmentR2,
                attrition, level, power, sd).checked();
    }

    /**
     * @param target the power wanted, in (0, 1)
     * @return this design with that target power
     */
    public PowerDesign withPower(double target) {
        return new PowerDesign(clusters, clusterSize, layout, shares, icc, individualR2, clusterR2, treatmentR2,
                attrition, alpha, target, sd).checked();
    }

    /**
     * @param outcomeSd the outcome's standard deviation, so effects are in outcome units
     * @return this design with that SD
     */
    public PowerDesign withSd(double outcomeSd) {
        return new PowerDesign(clusters, clusterSize, layout, shares, icc, individualR2, clusterR2, treatmentR2,
                attrition, alpha, power, outcomeSd).checked();
    }

    /** @return the degrees of freedom of the test: clusters (or individuals) minus arms */
    public int degreesOfFreedom() {
        return clusters - layout.arms();
    }

    /**
     * @param contrast the comparison
     * @return the standard error of the contrast's estimate
     */
    public double standardError(Contrast contrast) {
        if (contrast.layout() != layout) {
            throw new InputException("contrast " + contrast + " needs a " + contrast.layout() + " design, this one is "
                    + layout + ": set the arms");
        }
        double respondents = clusterSize * (1 - attrition);
        double perCluster = icc * (1 - clusterR2) + (1 - icc) * (1 - individualR2) / respondents;
        double[] c = contrast.coefficients();
        double v = 0;
        for (int k = 0; k < c.length; k++) {
            v += c[k] * c[k] * perCluster / (shares[k] * clusters);
        }
        return sd * Math.sqrt(v / (1 - treatmentR2));
    }

    /**
     * @param contrast the comparison
     * @return the minimum detectable effect at the design's alpha and power
     */
    public double mde(Contrast contrast) {
        TDistribution t = new TDistribution(degreesOfFreedom());
        double multiplier = t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(power);
        return multiplier * standardError(contrast);
    }

    /**
     * @param contrast the comparison
     * @param effect the true effect, in outcome units
     * @return the probability that the two-sided test rejects (central-t approximation, both tails)
     */
    public double power(Contrast contrast, double effect) {
        TDistribution t = new TDistribution(degreesOfFreedom());
        double crit = t.inverseCumulativeProbability(1 - alpha / 2);
        double shift = effect / standardError(contrast);
        return t.cumulativeProbability(-crit + shift) + t.cumulativeProbability(-crit - shift);
    }

    /**
     * The smallest total number of clusters (individuals when unclustered) whose MDE is at most
     * the given effect, other settings kept.
     *
     * @param contrast the comparison
     * @param effect the effect to detect, positive, in outcome units
     * @return the total clusters needed
     */
    public int requiredClusters(Contrast contrast, double effect) {
        if (!(effect > 0)) {
            throw new InputException("the effect to detect must be positive, got " + effect);
        }
        int lo = layout.arms() + 1;
        int hi = lo;
        while (at(hi).mde(contrast) > effect) {
            if (hi > 100_000_000) {
                throw new InputException("no design with up to 10^8 clusters detects an effect of " + effect
                        + ": the ICC leaves too little information per cluster; enlarge the effect or add clusters");
            }
            hi *= 2;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at(mid).mde(contrast) <= effect) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private PowerDesign at(int totalClusters) {
        return new PowerDesign(totalClusters, clusterSize, layout, shares, icc, individualR2, clusterR2, treatmentR2,
                attrition, alpha, power, sd);
    }

    private PowerDesign checked() {
        if (clusters <= layout.arms()) {
            throw new InputException("a " + layout + " design needs more than " + layout.arms()
                    + " clusters (or individuals), got " + clusters);
        }
        if (!(clusterSize >= 1)) {
            throw new InputException("cluster size must be at least 1, got " + clusterSize);
        }
        if (shares.length != layout.arms()) {
            throw new InputException("allocation has " + shares.length + " shares, the " + layout + " design has "
                    + layout.arms() + " arms");
        }
        double sum = 0;
        for (double s : shares) {
            if (!(s > 0)) {
                throw new InputException("every arm needs a positive allocation share, got " + Arrays.toString(shares));
            }
            sum += s;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new InputException("allocation shares must sum to 1, got " + sum);
        }
        unitInterval(icc, "ICC");
        unitInterval(individualR2, "R2");
        unitInterval(clusterR2, "cluster R2");
        unitInterval(treatmentR2, "treatment R2");
        unitInterval(attrition, "attrition");
        if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new InputException("alpha and power must be in (0, 1), got " + alpha + " and " + power);
        }
        if (!(sd > 0)) {
            throw new InputException("the outcome SD must be positive, got " + sd);
        }
        return this;
    }

    private static void unitInterval(double v, String what) {
        if (!(v >= 0 && v < 1)) {
            throw new InputException(what + " must be in [0, 1), got " + v);
        }
    }

    private static double[] equal(int arms) {
        double[] s = new double[arms];
        Arrays.fill(s, 1.0 / arms);
        return s;
    }
}
