package org.synergia.effects.rd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.linalg.Cholesky;

/**
 * The sample split at the cutoff, sorted, with what the estimators need to know about it.
 *
 * @param left the units left of the cutoff
 * @param right the units at or right of the cutoff
 * @param fuzzy true when the sample carries the treatment received
 * @param estimandColumns the data columns: outcome, treatment received (fuzzy), covariates kept
 * @param covariateNames the covariates kept
 * @param clusterTotal the number of clusters among the complete rows (0: no clusters)
 * @param vce the residual estimator of the variances
 */
record PreparedSample(RdSide left, RdSide right, boolean fuzzy, int estimandColumns, List<String> covariateNames,
        int clusterTotal, RdVariance vce) {

    /** Clusters below which cluster-robust SEs are flagged as unreliable. */
    private static final int FEW_CLUSTERS = 10;

    /**
     * Drops incomplete rows and constant or collinear covariates (with warnings) and splits the
     * rest at the cutoff.
     *
     * @param sample the data
     * @param cutoff the cutoff, finite
     * @param variance the residual estimator of the variances
     * @param warnings where warnings go
     * @return the prepared sample
     * @throws InputException on negative weights, no complete rows or a cutoff outside the data
     */
    static PreparedSample of(RdSample sample, double cutoff, RdVariance variance, List<String> warnings) {
        double[] x = sample.running();
        double[] t = sample.treatment();
        double[] w = sample.weights();
        int[] cl = sample.clusters();
        boolean[] keep = completeRows(sample, warnings);
        List<String> names = new ArrayList<>(sample.covariateNames());
        List<double[]> zcols = new ArrayList<>(List.of(sample.covariates()));
        dropCollinear(zcols, names, keep, warnings);

        int cols = 1 + (t != null ? 1 : 0) + zcols.size();
        double[][] columns = new double[cols][];
        columns[0] = sample.outcome();
        if (t != null) {
            columns[1] = t;
        }
        for (int j = 0; j < zcols.size(); j++) {
            columns[cols - zcols.size() + j] = zcols.get(j);
        }
        int[] codes = null;
        int codeCount = 0;
        int clusterTotal = 0;
        if (cl != null) {
            Clusters clusters = Clusters.of(cl);
            codes = clusters.codes();
            codeCount = clusters.count();
            clusterTotal = clustersKept(codes, codeCount, keep, warnings);
        }
        int[][] units = split(x, cutoff, keep);
        RdSide left = new RdSide(units[0], x, cutoff, columns, w, codes, codeCount);
        RdSide right = new RdSide(units[1], x, cutoff, columns, w, codes, codeCount);
        return new PreparedSample(left, right, t != null, cols, List.copyOf(names), clusterTotal, variance);
    }

    /** Marks the rows with every variable used finite and a positive weight, warning about the others. */
    private static boolean[] completeRows(RdSample sample, List<String> warnings) {
        double[] y = sample.outcome();
        double[] x = sample.running();
        double[] t = sample.treatment();
        double[][] z = sample.covariates();
        double[] w = sample.weights();
        int n = sample.size();
        boolean[] keep = new boolean[n];
        int kept = 0;
        Map<String, Integer> missing = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String bad = !Double.isFinite(y[i]) ? "outcome"
                    : !Double.isFinite(x[i]) ? "running variable"
                    : t != null && !Double.isFinite(t[i]) ? "treatment" : null;
            for (int j = 0; bad == null && j < z.length; j++) {
                if (!Double.isFinite(z[j][i])) {
                    bad = "covariate " + sample.covariateNames().get(j);
                }
            }
            if (bad == null && w != null) {
                if (!Double.isFinite(w[i])) {
                    bad = "weights";
                } else if (w[i] < 0) {
                    throw new InputException("weight " + w[i] + " in row " + (i + 1) + " is negative; sampling weights"
                            + " must be non-negative");
                } else if (w[i] == 0) {
                    bad = "zero weight";
                }
            }
            if (bad != null) {
                missing.merge(bad, 1, Integer::sum);
            } else {
                keep[i] = true;
                kept++;
            }
        }
        if (kept < n) {
            StringBuilder why = new StringBuilder();
            missing.forEach((k, v) -> why.append(why.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
            warnings.add("dropped " + (n - kept) + " of " + n + " rows with a missing value or zero weight (" + why
                    + ")");
        }
        return keep;
    }

    /** Counts the clusters among the rows kept, warning when they are few. */
    private static int clustersKept(int[] codes, int codeCount, boolean[] keep, List<String> warnings) {
        int clusterTotal = 0;
        boolean[] seen = new boolean[codeCount];
        for (int i = 0; i < keep.length; i++) {
            if (keep[i] && !seen[codes[i]]) {
                seen[codes[i]] = true;
                clusterTotal++;
            }
        }
        if (clusterTotal < FEW_CLUSTERS) {
            warnings.add("only " + clusterTotal + " clusters: cluster-robust standard errors are unreliable with"
                    + " fewer than " + FEW_CLUSTERS);
        }
        return clusterTotal;
    }

    /** The indices of the rows kept left of the cutoff and at or right of it. */
    private static int[][] split(double[] x, double cutoff, boolean[] keep) {
        int n = keep.length;
        int kept = 0;
        int nl = 0;
        int nr = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                kept++;
                if (x[i] < cutoff) {
                    nl++;
                } else {
                    nr++;
                }
                min = Math.min(min, x[i]);
                max = Math.max(max, x[i]);
            }
        }
        if (kept == 0) {
            throw new InputException("no complete rows: every row has a missing outcome, running variable,"
                    + " treatment, covariate or weight");
        }
        if (nl == 0 || nr == 0) {
            throw new InputException(String.format(Locale.ROOT, "the cutoff %s is outside the range of the running"
                    + " variable [%s, %s]: %d units left of it and %d at or right of it; give a cutoff inside the range",
                    RdRobust.num(cutoff), RdRobust.num(min), RdRobust.num(max), nl, nr));
        }
        int[] li = new int[nl];
        int[] ri = new int[nr];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (keep[i]) {
                if (x[i] < cutoff) {
                    li[a++] = i;
                } else {
                    ri[b++] = i;
                }
            }
        }
        return new int[][] {li, ri};
    }

    /** Drops covariates that are constant or collinear with earlier ones (with an intercept), warning. */
    private static void dropCollinear(List<double[]> zcols, List<String> names, boolean[] keep,
            List<String> warnings) {
        int d = zcols.size();
        if (d == 0) {
            return;
        }
        double[][] c = centredCrossProducts(zcols, keep);
        List<Integer> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            List<Integer> trial = new ArrayList<>(kept);
            trial.add(j);
            double[][] sub = new double[trial.size()][trial.size()];
            for (int a = 0; a < trial.size(); a++) {
                for (int b = 0; b < trial.size(); b++) {
                    int ia = Math.max(trial.get(a), trial.get(b));
                    int ib = Math.min(trial.get(a), trial.get(b));
                    sub[a][b] = c[ia][ib];
                }
            }
            if (Cholesky.of(sub).isPositiveDefinite()) {
                kept.add(j);
            } else {
                dropped.add(names.get(j));
            }
        }
        if (!dropped.isEmpty()) {
            warnings.add("dropped covariate(s) " + dropped + ": constant or collinear with the other covariates");
            List<double[]> zk = new ArrayList<>();
            List<String> nk = new ArrayList<>();
            for (int j : kept) {
                zk.add(zcols.get(j));
                nk.add(names.get(j));
            }
            zcols.clear();
            zcols.addAll(zk);
            names.clear();
            names.addAll(nk);
        }
    }

    /** The lower triangle of the covariates' centred cross products over the rows kept. */
    private static double[][] centredCrossProducts(List<double[]> zcols, boolean[] keep) {
        int d = zcols.size();
        double[] mean = new double[d];
        int n = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                n++;
                for (int j = 0; j < d; j++) {
                    mean[j] += zcols.get(j)[i];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= Math.max(n, 1);
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                for (int a = 0; a < d; a++) {
                    double za = zcols.get(a)[i] - mean[a];
                    for (int b = 0; b <= a; b++) {
                        c[a][b] += za * (zcols.get(b)[i] - mean[b]);
                    }
                }
            }
        }
        return c;
    }
}
