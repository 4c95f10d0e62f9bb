package org.synergia.effects.saturation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.synergia.data.InputException;
import org.synergia.stats.fewclusters.ClusteredRegression;
import org.synergia.stats.fewclusters.WildBootstrapResult;
import org.synergia.stats.fewclusters.WildClusterBootstrap;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Term;
import org.synergia.stats.inference.VarianceType;

/**
 * Effects in a randomised saturation design (Baird, Bohren, McIntosh &amp; Özler 2018, Rev. Econ.
 * Stat. 100(5), §II–III): clusters {@code c} are randomised to a saturation {@code π_c} in
 * {@code {0, π_1, ..., π_S}} ({@code 0} = pure control), then a share {@code π_c} of the individuals
 * of cluster {@code c} is randomised to treatment ({@code T_ic = 1}). {@code S_ic = 1} marks an
 * untreated individual of a treated cluster ({@code π_c > 0, T_ic = 0}). With {@code Y} the outcome,
 * the estimands are (all intention-to-treat, i.e. by assignment):
 * <ul>
 *   <li>{@code ITT[π] = E[Y | T = 1, π_c = π] - E[Y | π_c = 0]}: treated individuals in clusters
 *       of saturation {@code π} against individuals of pure control clusters (their eq. 2, the
 *       "intention to treat" including spillovers from treated peers);</li>
 *   <li>{@code spillover[π] = E[Y | T = 0, π_c = π] - E[Y | π_c = 0]}: the spillover on the
 *       non-treated ({@code SNT}) in clusters of saturation {@code π};</li>
 *   <li>{@code ITT} and {@code spillover}: the same contrasts pooled over saturations, i.e. the
 *       averages of {@code ITT[π]} (of {@code spillover[π]}) weighted by the (weighted) number of
 *       treated (untreated) individuals at each saturation in the sample (their pooled estimands);</li>
 *   <li>{@code ITT:slope} and {@code spillover:slope}: the change per unit of saturation in the
 *       linear model {@code Y = β0 + β1 T + β2 T π + β3 S + β4 S π + ε} (their eq. 3), {@code β2}
 *       and {@code β4}; the intercepts {@code β1}, {@code β3} are in the diagnostics. Needs two or
 *       more positive saturations.</li>
 * </ul>
 * Each is an OLS coefficient (with optional covariates added linearly, which then makes it
 * regression-adjusted, and optional sampling weights). SEs are cluster-robust (CR1, Stata
 * {@code regress, vce(cluster)}), clustered by the unit of saturation assignment; with
 * {@link #withWildBootstrap} each term also gets the wild cluster bootstrap's p-value and interval
 * ({@link WildClusterBootstrap}, in the diagnostics as {@code wild_bootstrap}).
 *
 * <p>Randomisation inference tests the sharp null of no effect of any assignment on anyone: the
 * design is re-run {@code B} times with a seeded generator, permuting the cluster saturations
 * across clusters and, within each cluster, drawing {@code round(π n_c)} treated individuals at
 * random; the p-value of a term is {@code (1 + #{b : |θ_b| ≥ |θ̂|}) / (1 + B)}.
 */
public final class SaturationEffects {

    private final int permutations;
    private final long seed;
    private final double level;
    private final WildClusterBootstrap wild;

    private SaturationEffects(int permutations, long seed, double level, WildClusterBootstrap wild) {
        this.permutations = permutations;
        this.seed = seed;
        this.level = level;
        this.wild = wild;
    }

    /** @return 999 permutations, seed 20171, 95% intervals, no wild bootstrap */
    public static SaturationEffects withDefaults() {
        return new SaturationEffects(999, 20171, 0.95, null);
    }

    /**
     * @param bootstrap the wild cluster bootstrap of every term (by the clusters of the saturation assignment), or
     *        null for none; its level should be this fit's
     * @return a copy
     */
    public SaturationEffects withWildBootstrap(WildClusterBootstrap bootstrap) {
        return new SaturationEffects(permutations, seed, level, bootstrap);
    }

    /** @param b number of re-randomisations for the randomisation-inference p-values (0 for none) @return a copy */
    public SaturationEffects withPermutations(int b) {
        if (b < 0) {
            throw new InputException("the number of permutations must be non-negative, got " + b);
        }
        return new SaturationEffects(b, seed, level, wild);
    }

    /** @param s seed of the re-randomisations @return a copy */
    public SaturationEffects withSeed(long s) {
        return new SaturationEffects(permutations, s, level, wild);
    }

    /** @param l confidence level in (0, 1) @return a copy */
    public SaturationEffects withConfidenceLevel(double l) {
        if (!(l > 0 && l < 1)) {
            throw new InputException("confidence level " + l + " must be between 0 and 1");
        }
        return new SaturationEffects(permutations, seed, l, wild);
    }

    /**
     * Estimates the pooled, by-saturation and linear-in-saturation ITT and spillover effects.
     *
     * @param s the design's individuals
     * @return the estimates with cluster-robust SEs and randomisation-inference p-values
     */
    public SaturationResult fit(SaturationSample s) {
        List<Double> levels = s.saturations();
        Map<Double, int[]> counts = s.countsBySaturation();
        List<String> warnings = new ArrayList<>();
        List<Double> spillLevels = new ArrayList<>();
        for (double l : levels) {
            if (counts.get(l)[1] > 0) {
                spillLevels.add(l);
            }
        }
        List<Double> ittLevels = new ArrayList<>();
        for (double l : levels) {
            if (counts.get(l)[0] > 0) {
                ittLevels.add(l);
            } else {
                Term.Saturation itt = new Term.Saturation(Term.Exposure.ITT, l, false);
                warnings.add("no treated individual at saturation " + itt.saturationText() + ": " + itt + " is not estimated");
            }
        }
        boolean slopes = ittLevels.size() >= 2;
        boolean spillSlope = spillLevels.size() >= 2;
        if (!slopes) {
            warnings.add("fewer than two positive saturations: the slopes in saturation are not estimated");
        }
        Models models = new Models(s, ittLevels, spillLevels, slopes, spillSlope);
        Models.Fitted observed = models.fit(s.treated(), s.saturation(), true);
        int g = s.clusterCount();
        if (g < 10) {
            warnings.add("only " + g + " clusters: cluster-robust standard errors are unreliable with fewer than 10;"
                    + " rely on the randomisation-inference p-values");
        }
        double[] ri = randomisationInference(s, models, observed.estimates(), warnings);
        List<Estimate> rows = new ArrayList<>();
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("clusters", g);
        double[] cl = s.clusterSaturations();
        int pure = 0;
        for (double v : cl) {
            if (v == 0) {
                pure++;
            }
        }
        diag.put("pure_control_clusters", pure);
        diag.put("saturations", levels.stream().map(Term.Saturation::text).toList().toString());
        diag.put("vce", "cluster (CR1)");
        diag.put("permutations", permutations);
        diag.put("seed", seed);
        List<Term> names = models.terms();
        for (int k = 0; k < names.size(); k++) {
            rows.add(Estimate.wald(names.get(k), observed.estimates()[k], observed.se()[k], level));
            if (ri != null) {
                diag.put("ri_p_value:" + names.get(k), ri[k]);
            }
        }
        diag.putAll(observed.extra());
        WildBootstrapResult bootstrap = null;
        if (wild != null) {
            bootstrap = models.wildBootstrap(wild.withLevel(level));
            diag.put(WildBootstrapResult.KEY, bootstrap.toDiagnostic());
            bootstrap.enumerationWarning(wild.draws()).ifPresent(warnings::add);
        }
        return new SaturationResult(rows, s.size(), diag, warnings, ri == null ? null : names.stream().map(Term::toString).toList(), ri,
                bootstrap);
    }

    private double[] randomisationInference(SaturationSample s, Models models, double[] obs, List<String> warnings) {
        if (permutations == 0) {
            return null;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] clusterSat = s.clusterSaturations();
        int[] sizes = s.clusterSizes();
        int g = clusterSat.length;
        int[][] members = new int[g][];
        int[] fill = new int[g];
        for (int c = 0; c < g; c++) {
            members[c] = new int[sizes[c]];
        }
        for (int i = 0; i < s.size(); i++) {
            int c = s.clusters().code(i);
            members[c][fill[c]++] = i;
        }
        int k = obs.length;
        int[] extreme = new int[k];
        int valid = 0;
        double[] t = new double[s.size()];
        double[] pi = new double[s.size()];
        double[] perm = clusterSat.clone();
        for (int b = 0; b < permutations; b++) {
            for (int c = g - 1; c > 0; c--) {
                int j = rng.nextInt(c + 1);
                double tmp = perm[c];
                perm[c] = perm[j];
                perm[j] = tmp;
            }
            for (int c = 0; c < g; c++) {
                int[] m = members[c];
                int treat = (int) Math.round(perm[c] * m.length);
                for (int a = 0; a < treat; a++) { // partial Fisher–Yates: the first `treat` members after shuffling
                    int j = a + rng.nextInt(m.length - a);
                    int tmp = m[a];
                    m[a] = m[j];
                    m[j] = tmp;
                }
                for (int a = 0; a < m.length; a++) {
                    t[m[a]] = a < treat ? 1 : 0;
                    pi[m[a]] = perm[c];
                }
            }
            double[] est;
            try {
                est = models.fit(t, pi, false).estimates();
            } catch (InputException e) {
                continue; // a term not identified under this draw (e.g. no untreated at a saturation)
            }
            valid++;
            for (int j = 0; j < k; j++) {
                if (Math.abs(est[j]) >= Math.abs(obs[j]) - 1e-12 * Math.abs(obs[j])) {
                    extreme[j]++;
                }
            }
        }
        if (valid < permutations) {
            warnings.add((permutations - valid) + " of " + permutations + " re-randomisations left a term unidentified"
                    + " and were skipped in the randomisation inference");
        }
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
            p[j] = (1.0 + extreme[j]) / (1.0 + valid);
        }
        return p;
    }

    /** The three regressions behind the estimands, for given assignments. */
    private static final class Models {

        record Fitted(double[] estimates, double[] se, Map<String, Object> extra) {
        }

        private final SaturationSample s;
        private final List<Double> ittLevels;
        private final List<Double> spillLevels;
        private final boolean slopes;
        private final boolean spillSlope;
        private final Glm ols;
        private final Glm pointOnly;

        Models(SaturationSample s, List<Double> ittLevels, List<Double> spillLevels, boolean slopes, boolean spillSlope) {
            this.s = s;
            this.ittLevels = ittLevels;
            this.spillLevels = spillLevels;
            this.slopes = slopes;
            this.spillSlope = spillSlope;
            this.ols = Glm.withDefaults().withFamily(Family.GAUSSIAN).withLink(Link.IDENTITY)
                    .withVariance(VarianceType.CLUSTER).withThreads(1);
            // re-randomisations need coefficients only: the model-based variance is the cheapest
            // the fit accepts (sampling weights require a robust one)
            this.pointOnly = ols.withVariance(s.weights() == null ? VarianceType.OIM : VarianceType.ROBUST);
        }

        List<Term> terms() {
            List<Term> n = new ArrayList<>(List.of(new Term.Saturation(Term.Exposure.ITT, Double.NaN, false),
                    new Term.Saturation(Term.Exposure.SPILLOVER, Double.NaN, false)));
            for (double l : ittLevels) {
                n.add(new Term.Saturation(Term.Exposure.ITT, l, false));
            }
            for (double l : spillLevels) {
                n.add(new Term.Saturation(Term.Exposure.SPILLOVER, l, false));
            }
            if (slopes) {
                n.add(new Term.Saturation(Term.Exposure.ITT, Double.NaN, true));
            }
            if (spillSlope) {
                n.add(new Term.Saturation(Term.Exposure.SPILLOVER, Double.NaN, true));
            }
            return n;
        }

        /**
         * One of the three regressions: its regressors after the intercept, their names, and the coefficients
         * reported as terms (in the order of {@link #terms()}).
         */
        record Design(double[][] regressors, List<String> names, int[] reported) {
        }

        /** The pooled, by-saturation and (with two or more saturations) linear regressions for an assignment. */
        List<Design> designs(double[] t, double[] pi) {
            int n = t.length;
            double[] sp = new double[n];
            for (int i = 0; i < n; i++) {
                sp[i] = pi[i] > 0 && t[i] == 0 ? 1 : 0;
            }
            List<Design> out = new ArrayList<>();
            out.add(new Design(new double[][] {t, sp}, List.of("T", "S"), new int[] {1, 2}));
            List<double[]> cols = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (double l : ittLevels) {
                cols.add(indicator(t, pi, 1, l));
                names.add("T:" + l);
            }
            for (double l : spillLevels) {
                cols.add(indicator(sp, pi, 1, l));
                names.add("S:" + l);
            }
            int[] bySaturation = new int[cols.size()];
            for (int j = 0; j < bySaturation.length; j++) {
                bySaturation[j] = j + 1;
            }
            out.add(new Design(cols.toArray(new double[0][]), names, bySaturation));
            if (slopes) {
                double[] tpi = new double[n];
                double[] spi = new double[n];
                for (int i = 0; i < n; i++) {
                    tpi[i] = t[i] * pi[i];
                    spi[i] = sp[i] * pi[i];
                }
                out.add(spillSlope
                        ? new Design(new double[][] {t, tpi, sp, spi}, List.of("T", "T:pi", "S", "S:pi"), new int[] {2, 4})
                        : new Design(new double[][] {t, tpi, sp}, List.of("T", "T:pi", "S"), new int[] {2}));
            }
            return out;
        }

        Fitted fit(double[] t, double[] pi, boolean withSe) {
            List<Double> est = new ArrayList<>();
            List<Double> se = new ArrayList<>();
            Map<String, Object> extra = new LinkedHashMap<>();
            Glm glm = withSe ? ols : pointOnly;
            List<Design> designs = designs(t, pi);
            for (int d = 0; d < designs.size(); d++) {
                Design design = designs.get(d);
                GlmFit f = glm.fit(x(design), names(design), s.outcome(), s.weights(), s.clusters());
                double[] b = f.coefficients();
                double[] e = f.standardErrors();
                for (int j : design.reported()) {
                    est.add(b[j]);
                    se.add(e[j]);
                }
                if (d == 2) {
                    extra.put("ITT_linear_intercept", b[1]);
                    if (spillSlope) {
                        extra.put("spillover_linear_intercept", b[3]);
                    }
                }
            }
            return new Fitted(est.stream().mapToDouble(Double::doubleValue).toArray(),
                    se.stream().mapToDouble(Double::doubleValue).toArray(), extra);
        }

        /**
         * The wild cluster bootstrap of every term, each tested in the regression that estimates it, all with the
         * same draws.
         */
        WildBootstrapResult wildBootstrap(WildClusterBootstrap bootstrap) {
            List<Term> terms = terms();
            WildBootstrapResult all = null;
            int next = 0;
            for (Design design : designs(s.treated(), s.saturation())) {
                ClusteredRegression m = ClusteredRegression.of(x(design), names(design), s.outcome(), s.weights(), s.clusters());
                int[] reported = design.reported();
                WildBootstrapResult r = bootstrap.test(m, reported, terms.subList(next, next + reported.length));
                next += reported.length;
                all = all == null ? r : all.plus(r);
            }
            return all;
        }

        private static double[] indicator(double[] a, double[] pi, double value, double level) {
            double[] c = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i] == value && pi[i] == level ? 1 : 0;
            }
            return c;
        }

        /** The design's columns: the intercept, its regressors, then the covariates. */
        private double[][] x(Design design) {
            int n = s.size();
            double[][] terms = design.regressors();
            double[][] x = new double[1 + terms.length + s.covariates().length][];
            double[] one = new double[n];
            Arrays.fill(one, 1);
            x[0] = one;
            System.arraycopy(terms, 0, x, 1, terms.length);
            System.arraycopy(s.covariates(), 0, x, 1 + terms.length, s.covariates().length);
            return x;
        }

        private List<String> names(Design design) {
            List<String> names = new ArrayList<>();
            names.add("(Intercept)");
            names.addAll(design.names());
            names.addAll(s.covariateNames());
            return names;
        }
    }
}
