package org.synergia.measures.survey;

import java.util.Arrays;
import java.util.List;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;

/**
 * A complex sample design: sampling weights, strata, primary sampling units (PSUs), second-stage
 * units (SSUs) and finite population corrections (FPCs), as R {@code survey}'s {@code svydesign}
 * describes it (Lumley 2004), with PSUs nested in strata and SSUs nested in PSUs.
 *
 * <p>The design is immutable; each {@code with...} method returns a new design. Identifiers are
 * integer codes (any values; only equality matters). An FPC is either a population count (all
 * values at least 1, some above 1) or a sampling fraction (all values in (0, 1]); it must be
 * constant within a stratum (stage 1) or within a PSU (stage 2). Without explicit weights, the
 * weights are the inverse of the product of the stages' sampling fractions (1 when there is no
 * FPC), as in R {@code survey}.
 *
 * <p>Variances are Taylor-linearised: {@link #covariance(double[][])} returns the design-based
 * covariance of weighted totals {@code sum_i w_i z_ki} of per-row linearised values, so any
 * estimator that can write its influence function can use the design (the estimator passes its
 * scores, the design adds weights, clusters, strata and FPCs). The first stage uses the
 * with-replacement-within-stratum formula with FPC (Cochran 1977, eq. 11.30); when both a
 * stage-1 FPC and second-stage units are given, the second stage adds
 * {@code sum_j (n_h/N_h) V_j}, where {@code V_j} is the within-PSU variance of SSU totals
 * (Cochran 1977, eq. 11.24; the recursion of R {@code survey}'s {@code multistage}). Without a
 * stage-1 FPC only the first stage is used (the ultimate-cluster approximation).
 */
public final class SurveyDesign {

    /** Sampling fractions below this count as certainty units (no variance), as in R survey. */
    private static final double CERTAINTY = 1e-7;

    /** The groups an FPC is constant within, as the choice parameter of {@link SurveyProblem}'s texts. */
    private static final int STRATUM = 0;
    private static final int PSU = 1;

    private final int n;
    private final double[] explicitWeights;
    private final int[] strataIds;
    private final int[] psuIds;
    private final int[] ssuIds;
    private final double[] fpc1;
    private final double[] fpc2;
    private final List<String> strataLabels;
    private final LonelyPsu lonely;

    private final double[] weights;
    private final int[] psuOfRow;
    private final int[] stratumOfPsu;
    private final int[] psuCountOfStratum;
    private final double[] stratumPopulation;
    private final int[] ssuOfRow;
    private final int[] psuOfSsu;
    private final int[] ssuCountOfPsu;
    private final double[] psuPopulation;

    private SurveyDesign(int n, double[] explicitWeights, int[] strataIds, int[] psuIds, int[] ssuIds,
            double[] fpc1, double[] fpc2, List<String> strataLabels, LonelyPsu lonely) {
        this.n = n;
        this.strataLabels = strataLabels;
        this.lonely = lonely;
        this.explicitWeights = explicitWeights;
        this.strataIds = strataIds;
        this.psuIds = psuIds;
        this.ssuIds = ssuIds;
        this.fpc1 = fpc1;
        this.fpc2 = fpc2;
        if (ssuIds != null && psuIds == null) {
            throw new InputException(SurveyProblem.SSU_WITHOUT_PSU, OptionName.of("psu"));
        }
        if (fpc2 != null && ssuIds == null) {
            throw new InputException(SurveyProblem.FPC2_WITHOUT_SSU, OptionName.of("ssu"));
        }
        if (fpc2 != null && fpc1 == null) {
            throw new InputException(SurveyProblem.FPC2_WITHOUT_FPC, OptionName.of("fpc"));
        }
        int[] stratumOfRow = new int[n];
        int strata = strataIds == null ? 1 : denseCodes(strataIds, null, stratumOfRow);
        psuOfRow = new int[n];
        int psus;
        if (psuIds == null) {
            for (int i = 0; i < n; i++) {
                psuOfRow[i] = i;
            }
            psus = n;
        } else {
            psus = denseCodes(psuIds, stratumOfRow, psuOfRow);
        }
        stratumOfPsu = new int[psus];
        for (int i = 0; i < n; i++) {
            stratumOfPsu[psuOfRow[i]] = stratumOfRow[i];
        }
        psuCountOfStratum = new int[strata];
        for (int s : stratumOfPsu) {
            psuCountOfStratum[s]++;
        }
        stratumPopulation = fpc1 == null ? null
                : populations(fpc1, stratumOfRow, psuCountOfStratum, STRATUM, "fpc");
        if (ssuIds == null) {
            ssuOfRow = null;
            psuOfSsu = null;
            ssuCountOfPsu = null;
            psuPopulation = null;
        } else {
            ssuOfRow = new int[n];
            int ssus = denseCodes(ssuIds, psuOfRow, ssuOfRow);
            psuOfSsu = new int[ssus];
            for (int i = 0; i < n; i++) {
                psuOfSsu[ssuOfRow[i]] = psuOfRow[i];
            }
            ssuCountOfPsu = new int[psus];
            for (int p : psuOfSsu) {
                ssuCountOfPsu[p]++;
            }
            psuPopulation = fpc2 == null ? null : populations(fpc2, psuOfRow, ssuCountOfPsu, PSU, "fpc2");
        }
        weights = explicitWeights != null ? explicitWeights : weightsFromFpc(stratumOfRow);
    }

    /**
     * A simple random sample with replacement of {@code n} equally weighted rows (weights 1).
     *
     * @param n the number of rows
     * @return the design
     */
    public static SurveyDesign simpleRandom(int n) {
        if (n < 2) {
            throw new InputException("a survey design needs at least 2 rows, got " + n);
        }
        return new SurveyDesign(n, null, null, null, null, null, null, null, LonelyPsu.FAIL);
    }

    /**
     * A design with the given sampling weights and no strata or clusters.
     *
     * @param weights sampling weights, positive and finite
     * @return the design
     */
    public static SurveyDesign weighted(double[] weights) {
        return simpleRandom(weights.length).withWeights(weights);
    }

    /**
     * @param w sampling weights (inverse inclusion probabilities), positive and finite
     * @return this design with the given weights
     */
    public SurveyDesign withWeights(double[] w) {
        checkLength(w.length, "weights");
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] > 0) || Double.isInfinite(w[i])) {
                throw new InputException("sampling weight at row " + (i + 1) + " is " + w[i]
                        + ": weights must be positive and finite; drop or fix that row");
            }
        }
        return new SurveyDesign(n, w.clone(), strataIds, psuIds, ssuIds, fpc1, fpc2, strataLabels, lonely);
    }

    /**
     * @param strata stratum code of each row
     * @return this design stratified by the given codes
     */
    public SurveyDesign withStrata(int[] strata) {
        checkLength(strata.length, "strata");
        return new SurveyDesign(n, explicitWeights, strata.clone(), psuIds, ssuIds, fpc1, fpc2, null, lonely);
    }

    /**
     * @param strata stratum code of each row
     * @param labels the strata's values as the data write them, by code (for messages)
     * @return this design stratified by the given codes
     */
    public SurveyDesign withStrata(int[] strata, List<String> labels) {
        checkLength(strata.length, "strata");
        return new SurveyDesign(n, explicitWeights, strata.clone(), psuIds, ssuIds, fpc1, fpc2, List.copyOf(labels), lonely);
    }

    /**
     * @param rule what a stratum with a single PSU (or a PSU with a single second-stage unit, at stage 2) contributes
     *     to the variance (R {@code survey}'s {@code options(survey.lonely.psu)}); {@link LonelyPsu#FAIL} by default
     * @return this design with that rule
     */
    public SurveyDesign withLonelyPsu(LonelyPsu rule) {
        return new SurveyDesign(n, explicitWeights, strataIds, psuIds, ssuIds, fpc1, fpc2, strataLabels, rule);
    }

    /**
     * @param psu primary sampling unit code of each row (nested in strata)
     * @return this design with the given first-stage clusters
     */
    public SurveyDesign withClusters(int[] psu) {
        checkLength(psu.length, "PSU identifiers");
        return new SurveyDesign(n, explicitWeights, strataIds, psu.clone(), ssuIds, fpc1, fpc2, strataLabels, lonely);
    }

    /**
     * @param ssu second-stage unit code of each row (nested in PSUs)
     * @return this design with the given second-stage units
     */
    public SurveyDesign withSecondStageUnits(int[] ssu) {
        checkLength(ssu.length, "SSU identifiers");
        return new SurveyDesign(n, explicitWeights, strataIds, psuIds, ssu.clone(), fpc1, fpc2, strataLabels, lonely);
    }

    /**
     * @param fpc stage-1 finite population correction of each row: the number of PSUs in the
     *     row's stratum, or the stratum's sampling fraction (at most 1)
     * @return this design with the given first-stage FPC
     */
    public SurveyDesign withFpc(double[] fpc) {
        checkLength(fpc.length, "fpc");
        return new SurveyDesign(n, explicitWeights, strataIds, psuIds, ssuIds, fpc.clone(), fpc2, strataLabels, lonely);
    }

    /**
     * @param fpc stage-2 finite population correction of each row: the number of SSUs in the
     *     row's PSU, or the PSU's second-stage sampling fraction (at most 1)
     * @return this design with the given second-stage FPC
     */
    public SurveyDesign withSecondStageFpc(double[] fpc) {
        checkLength(fpc.length, "fpc2");
        return new SurveyDesign(n, explicitWeights, strataIds, psuIds, ssuIds, fpc1, fpc.clone(), strataLabels, lonely);
    }

    /** @return the number of rows */
    public int size() {
        return n;
    }

    /** @return a copy of the sampling weights (derived from the FPCs when none were given) */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the weight of row {@code i} */
    public double weight(int i) {
        return weights[i];
    }

    /** @return the sum of the weights (the estimated population size) */
    public double totalWeight() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    /** @return the number of strata (1 when unstratified) */
    public int strataCount() {
        return psuCountOfStratum.length;
    }

    /** @return the number of PSUs (rows when unclustered) */
    public int psuCount() {
        return stratumOfPsu.length;
    }

    /** @return the residual degrees of freedom of the design: PSUs minus strata */
    public int degreesOfFreedom() {
        return psuCount() - strataCount();
    }

    /** @return true when the stage-1 FPC was given (sampling without replacement) */
    public boolean hasFpc() {
        return fpc1 != null;
    }

    /** @return a copy of the dense PSU index (0-based) of each row, nested in strata */
    public int[] clusterIndex() {
        return psuOfRow.clone();
    }

    /** @return a copy of the dense stratum index (0-based) of each PSU */
    public int[] stratumOfCluster() {
        return stratumOfPsu.clone();
    }

    /**
     * The design-based variance of the weighted total {@code sum_i w_i z_i}.
     *
     * @param z the linearised value (influence score, unweighted) of each row
     * @return the variance
     */
    public double variance(double[] z) {
        return covariance(new double[][] {z})[0][0];
    }

    /**
     * The design-based covariance matrix of the weighted totals {@code sum_i w_i z_ki}, k = 1..p
     * (Taylor linearisation; see the class description for the stage formulas).
     *
     * @param z p arrays of per-row linearised values (unweighted), each of the design's length
     * @return the p-by-p covariance matrix
     */
    public double[][] covariance(double[][] z) {
        int p = z.length;
        for (double[] zk : z) {
            checkLength(zk.length, "linearised values");
        }
        double[][] v = new double[p][p];
        double[][] psuTotals = new double[p][psuCount()];
        for (int k = 0; k < p; k++) {
            double[] zk = z[k];
            double[] t = psuTotals[k];
            for (int i = 0; i < n; i++) {
                t[psuOfRow[i]] += weights[i] * zk[i];
            }
        }
        double[] scale = new double[strataCount()];
        boolean[] single = new boolean[scale.length];
        for (int h = 0; h < scale.length; h++) {
            int nh = psuCountOfStratum[h];
            double f = stratumPopulation == null ? 1 : (stratumPopulation[h] - nh) / stratumPopulation[h];
            if (f < CERTAINTY) {
                scale[h] = 0;
            } else if (nh < 2) {
                if (lonely == LonelyPsu.FAIL) {
                    throw new InputException(SurveyProblem.SINGLE_PSU_IN_STRATUM, stratumLabel(h), OptionName.of("strata"),
                            OptionName.of("lonely-psu"));
                }
                single[h] = true;
                scale[h] = f;
            } else {
                scale[h] = f * nh / (nh - 1.0);
            }
        }
        addStage(psuTotals, stratumOfPsu, scale, single, v);
        if (ssuOfRow != null && stratumPopulation != null) {
            double[][] ssuTotals = new double[p][psuOfSsu.length];
            for (int k = 0; k < p; k++) {
                double[] zk = z[k];
                double[] t = ssuTotals[k];
                for (int i = 0; i < n; i++) {
                    t[ssuOfRow[i]] += weights[i] * zk[i];
                }
            }
            double[] scale2 = new double[psuCount()];
            boolean[] singleSsu = new boolean[scale2.length];
            for (int j = 0; j < scale2.length; j++) {
                int mj = ssuCountOfPsu[j];
                int h = stratumOfPsu[j];
                double firstStageFraction = psuCountOfStratum[h] / stratumPopulation[h];
                double f = psuPopulation == null ? 1 : (psuPopulation[j] - mj) / psuPopulation[j];
                if (f < CERTAINTY) {
                    scale2[j] = 0;
                } else if (mj < 2) {
                    if (lonely == LonelyPsu.FAIL) {
                        throw new InputException(SurveyProblem.SINGLE_SSU_IN_PSU,
                                psuIds == null ? Integer.toString(j + 1) : psuLabel(j), OptionName.of("fpc2"),
                                OptionName.of("ssu"), OptionName.of("lonely-psu"));
                    }
                    singleSsu[j] = true;
                    scale2[j] = firstStageFraction * f;
                } else {
                    scale2[j] = firstStageFraction * f * mj / (mj - 1.0);
                }
            }
            addStage(ssuTotals, psuOfSsu, scale2, singleSsu, v);
        }
        return v;
    }

    /**
     * Adds one stage's covariance to {@code v}: {@link #addGroupedCovariance} over the groups with several units,
     * and for the groups with one ({@code single}) what the lonely-PSU rule says, as R {@code survey}'s
     * {@code onestrat}: nothing ({@code remove}), {@code scale_g t_u t_u'}, the unit's total not centred
     * ({@code adjust}: for linearised values that sum to zero, the deviation from the overall mean), or, for
     * {@code average}, nothing and the stage's covariance multiplied by the number of groups over the number of
     * groups with several units.
     */
    private void addStage(double[][] totals, int[] groupOfUnit, double[] scale, boolean[] single, double[][] v) {
        int p = totals.length;
        int groups = scale.length;
        int singles = 0;
        double[] pooled = scale.clone();
        for (int g = 0; g < groups; g++) {
            if (single[g]) {
                singles++;
                pooled[g] = 0;
            }
        }
        double[][] stage = new double[p][p];
        addGroupedCovariance(totals, groupOfUnit, pooled, stage);
        if (singles > 0 && lonely == LonelyPsu.ADJUST) {
            for (int u = 0; u < groupOfUnit.length; u++) {
                int g = groupOfUnit[u];
                if (single[g]) {
                    for (int a = 0; a < p; a++) {
                        for (int b = 0; b <= a; b++) {
                            stage[a][b] += scale[g] * totals[a][u] * totals[b][u];
                            stage[b][a] = stage[a][b];
                        }
                    }
                }
            }
        }
        double factor = singles > 0 && lonely == LonelyPsu.AVERAGE && singles < groups
                ? (double) groups / (groups - singles) : 1;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                v[a][b] += factor * stage[a][b];
            }
        }
    }

    /** Adds sum_g scale_g sum_{u in g} (t_u - tbar_g)(t_u - tbar_g)' for unit totals t grouped by g. */
    private static void addGroupedCovariance(double[][] totals, int[] groupOfUnit, double[] scale, double[][] v) {
        int p = totals.length;
        int groups = scale.length;
        int[] count = new int[groups];
        for (int g : groupOfUnit) {
            count[g]++;
        }
        double[][] mean = new double[p][groups];
        for (int k = 0; k < p; k++) {
            for (int u = 0; u < groupOfUnit.length; u++) {
                mean[k][groupOfUnit[u]] += totals[k][u];
            }
            for (int g = 0; g < groups; g++) {
                mean[k][g] /= count[g];
            }
        }
        for (int u = 0; u < groupOfUnit.length; u++) {
            int g = groupOfUnit[u];
            double s = scale[g];
            if (s == 0) {
                continue;
            }
            for (int a = 0; a < p; a++) {
                double da = totals[a][u] - mean[a][g];
                for (int b = 0; b <= a; b++) {
                    v[a][b] += s * da * (totals[b][u] - mean[b][g]);
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                v[b][a] = v[a][b];
            }
        }
    }

    private double[] weightsFromFpc(int[] stratumOfRow) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double prob = 1;
            if (stratumPopulation != null) {
                int h = stratumOfRow[i];
                prob *= psuCountOfStratum[h] / stratumPopulation[h];
            }
            if (psuPopulation != null) {
                int j = psuOfRow[i];
                prob *= ssuCountOfPsu[j] / psuPopulation[j];
            }
            w[i] = 1 / prob;
        }
        return w;
    }

    /**
     * Population sizes per group from a row-level FPC (counts, or fractions turned into counts),
     * checked constant within the group and at least the sample size.
     *
     * @param group {@link #STRATUM} or {@link #PSU}, for messages
     * @param name the option giving the FPC, for messages
     */
    private double[] populations(double[] fpc, int[] groupOfRow, int[] sampleCount, int group, String name) {
        OptionName option = OptionName.of(name);
        boolean anyAboveOne = false;
        for (int i = 0; i < n; i++) {
            double f = fpc[i];
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new InputException(SurveyProblem.FPC_NOT_POSITIVE, option, String.valueOf(f), i + 1);
            }
            anyAboveOne |= f > 1;
        }
        double[] value = new double[sampleCount.length];
        Arrays.fill(value, Double.NaN);
        for (int i = 0; i < n; i++) {
            int g = groupOfRow[i];
            double f = fpc[i];
            if (anyAboveOne && f < 1) {
                throw new InputException(SurveyProblem.FPC_MIXED, option, String.valueOf(f), i + 1);
            }
            if (Double.isNaN(value[g])) {
                value[g] = f;
            } else if (value[g] != f) {
                throw new InputException(SurveyProblem.FPC_NOT_CONSTANT, option, group, i + 1, String.valueOf(f),
                        String.valueOf(value[g]));
            }
        }
        double[] population = new double[value.length];
        for (int g = 0; g < value.length; g++) {
            population[g] = anyAboveOne ? value[g] : sampleCount[g] / value[g];
            if (population[g] < sampleCount[g] * (1 - 1e-12)) {
                throw new InputException(SurveyProblem.FPC_BELOW_SAMPLE, option, String.valueOf(value[g]), group,
                        sampleCount[g]);
            }
        }
        return population;
    }

    private String stratumLabel(int h) {
        if (strataIds == null) {
            return "(the whole sample)";
        }
        for (int i = 0; i < n; i++) {
            if (stratumOfPsu[psuOfRow[i]] == h) {
                return strataLabels == null ? Integer.toString(strataIds[i]) : strataLabels.get(strataIds[i]);
            }
        }
        return Integer.toString(h);
    }

    private String psuLabel(int j) {
        for (int i = 0; i < n; i++) {
            if (psuOfRow[i] == j) {
                return Integer.toString(psuIds[i]);
            }
        }
        return Integer.toString(j);
    }

    private void checkLength(int length, String what) {
        if (length != n) {
            throw new InputException(what + " has " + length + " values but the design has " + n
                    + " rows: give one value per row");
        }
    }

    /**
     * Dense 0-based codes for labels nested in parent groups: rows with equal (parent, label)
     * share a code. Sorts the packed keys once (O(n log n), no boxing), then looks each row up.
     */
    private static int denseCodes(int[] labels, int[] parent, int[] out) {
        int n = labels.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) (parent == null ? 0 : parent[i]) << 32) | (labels[i] & 0xffffffffL);
        }
        long[] distinct = keys.clone();
        Arrays.sort(distinct);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[count++] = distinct[i];
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.binarySearch(distinct, 0, count, keys[i]);
        }
        return count;
    }
}
