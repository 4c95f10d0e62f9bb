package org.synergia.effects.dose;

import static org.synergia.data.NumericColumn.formatNumber;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;
import org.synergia.stats.inference.VarianceType;

/**
 * Exposure-time (treatment intensity) regressions: OLS of the outcome on the dose and controls,
 * {@code Y = α + β·dose + γᵀx + ε} (term named after the dose variable: the change in {@code Y} per
 * unit of dose), or on bins of the dose,
 * {@code Y = α + Σ_k β_k 1[c_k ≤ dose < c_{k+1}] + γᵀx + ε} (terms {@code dose[c_k,c_{k+1})}: the
 * difference from the lowest bin {@code dose < c_1}). With a subgroup variable {@code G}, each
 * level gets its own intercept and dose coefficients ({@code dose|G=g}) in one regression, and the
 * linear form adds the difference from the first level ({@code dose|G=g - dose|G=g0}), the test of
 * heterogeneity. SEs are heteroskedasticity-robust (HC1) or, with clusters, cluster-robust (CR1),
 * as Stata {@code regress} reports them. The coefficients are causal only if the dose is as good as
 * randomly assigned given the controls.
 */
public final class ExposureRegression {

    private final double[] cutpoints;
    private final double level;

    private ExposureRegression(double[] cutpoints, double level) {
        this.cutpoints = cutpoints;
        this.level = level;
    }

    /** @return the linear form, 95% intervals */
    public static ExposureRegression withDefaults() {
        return new ExposureRegression(null, 0.95);
    }

    /**
     * Categorical bins of the dose instead of a linear term.
     *
     * @param cuts increasing cut points {@code c_1 < ... < c_K}: bins {@code (-∞, c_1)}, {@code [c_1, c_2)}, ...,
     *        {@code [c_K, ∞)}; the first is the reference
     * @return a copy using bins
     */
    public ExposureRegression withBins(double... cuts) {
        if (cuts.length == 0) {
            throw new InputException("dose bins need at least one cut point");
        }
        for (int k = 1; k < cuts.length; k++) {
            if (!(cuts[k] > cuts[k - 1])) {
                throw new InputException("dose bin cut points must increase: " + Arrays.toString(cuts));
            }
        }
        return new ExposureRegression(cuts.clone(), level);
    }

    /** @return a copy using the linear form */
    public ExposureRegression linear() {
        return new ExposureRegression(null, level);
    }

    /** @param l confidence level in (0, 1) @return a copy */
    public ExposureRegression withConfidenceLevel(double l) {
        if (!(l > 0 && l < 1)) {
            throw new InputException("confidence level " + l + " must be between 0 and 1");
        }
        return new ExposureRegression(cutpoints, l);
    }

    /**
     * @param s the units
     * @return the dose coefficients (and subgroup differences) with robust or cluster-robust SEs
     */
    public DoseResult fit(DoseSample s) {
        int n = s.size();
        double[] dose = s.dose();
        List<double[]> doseCols = new ArrayList<>();
        List<Term.Dose> doseTerms = new ArrayList<>();
        if (cutpoints == null) {
            doseCols.add(dose);
            doseTerms.add(Term.Dose.slope(s.doseName(), null));
        } else {
            int[] counts = new int[cutpoints.length + 1];
            for (double v : dose) {
                counts[bin(v)]++;
            }
            for (int k = 0; k <= cutpoints.length; k++) {
                if (counts[k] == 0) {
                    throw new InputException("dose bin " + binTerm(s.doseName(), k) + " of '" + s.doseName()
                            + "' is empty: choose other cut points");
                }
            }
            for (int k = 1; k <= cutpoints.length; k++) {
                double[] c = new double[n];
                for (int i = 0; i < n; i++) {
                    c[i] = bin(dose[i]) == k ? 1 : 0;
                }
                doseCols.add(c);
                doseTerms.add(binTerm(s.doseName(), k));
            }
        }
        List<double[]> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] one = new double[n];
        Arrays.fill(one, 1);
        cols.add(one);
        names.add("(Intercept)");
        List<Double> levels = s.subgroupLevels();
        List<Integer> termIndex = new ArrayList<>();
        List<Term.Dose> terms = new ArrayList<>();
        if (levels.isEmpty()) {
            for (int k = 0; k < doseCols.size(); k++) {
                termIndex.add(cols.size());
                terms.add(doseTerms.get(k));
                cols.add(doseCols.get(k));
                names.add(doseTerms.get(k).toString());
            }
        } else {
            if (levels.size() < 2) {
                throw new InputException(DoseProblem.ONE_SUBGROUP, s.subgroupName(), OptionName.of("by"));
            }
            double[] g = s.subgroupValues();
            for (int l = 1; l < levels.size(); l++) {
                cols.add(indicator(g, levels.get(l)));
                names.add(s.subgroupName() + "=" + formatNumber(levels.get(l)));
            }
            for (double lv : levels) {
                double[] in = indicator(g, lv);
                for (int k = 0; k < doseCols.size(); k++) {
                    double[] c = new double[n];
                    for (int i = 0; i < n; i++) {
                        c[i] = in[i] * doseCols.get(k)[i];
                    }
                    Term.Dose all = doseTerms.get(k);
                    Term.Dose term = new Term.Dose(all.dose(), all.lower(), all.upper(), new Term.Subgroup(s.subgroupName(), lv));
                    termIndex.add(cols.size());
                    terms.add(term);
                    cols.add(c);
                    names.add(term.toString());
                }
            }
        }
        for (int j = 0; j < s.covariates().length; j++) {
            cols.add(s.covariates()[j]);
            names.add(s.covariateNames().get(j));
        }
        VarianceType vt = s.clusterIds() == null ? VarianceType.ROBUST : VarianceType.CLUSTER;
        GlmFit fit = Glm.withDefaults().withFamily(Family.GAUSSIAN).withLink(Link.IDENTITY).withVariance(vt)
                .withThreads(1).fit(cols.toArray(new double[0][]), names, s.outcome(), s.weights(), s.clusters());
        double[] b = fit.coefficients();
        double[][] v = fit.variance();
        List<Estimate> rows = new ArrayList<>();
        for (int t = 0; t < termIndex.size(); t++) {
            int j = termIndex.get(t);
            rows.add(Estimate.wald(terms.get(t), b[j], Math.sqrt(v[j][j]), level));
        }
        if (!levels.isEmpty() && cutpoints == null) {
            int j0 = termIndex.get(0);
            for (int t = 1; t < termIndex.size(); t++) {
                int j = termIndex.get(t);
                double var = v[j][j] + v[j0][j0] - 2 * v[j][j0];
                rows.add(Estimate.wald(new Term.DoseDifference(terms.get(t), terms.get(0)), b[j] - b[j0], Math.sqrt(var), level));
            }
        }
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("form", cutpoints == null ? "linear" : "bins");
        diag.put("vce", vt == VarianceType.CLUSTER ? "cluster (CR1)" : "robust (HC1)");
        List<String> warnings = new ArrayList<>();
        if (vt == VarianceType.CLUSTER) {
            int g = s.clusters().count();
            diag.put("clusters", g);
            if (g < 10) {
                warnings.add("only " + g + " clusters: cluster-robust standard errors are unreliable with fewer than 10");
            }
        }
        warnings.addAll(fit.warnings());
        return new DoseResult("dose", rows, n, diag, warnings, null);
    }

    private int bin(double v) {
        int k = 0;
        while (k < cutpoints.length && v >= cutpoints[k]) {
            k++;
        }
        return k;
    }

    private Term.Dose binTerm(String dose, int k) {
        double lo = k == 0 ? Double.NEGATIVE_INFINITY : cutpoints[k - 1];
        double hi = k == cutpoints.length ? Double.POSITIVE_INFINITY : cutpoints[k];
        return new Term.Dose(dose, lo, hi, null);
    }

    private static double[] indicator(double[] g, double level) {
        double[] c = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            c[i] = g[i] == level ? 1 : 0;
        }
        return c;
    }
}
