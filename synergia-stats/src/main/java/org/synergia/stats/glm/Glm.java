package org.synergia.stats.glm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.SmallSampleCorrection;
import org.synergia.stats.formula.ModelMatrix;
import org.synergia.stats.inference.VarianceType;
import org.synergia.stats.linalg.Cholesky;

/**
 * A generalised linear model fitted by maximum likelihood with Newton–Raphson steps (Fisher
 * scoring, i.e. IRLS, when {@link Information#EXPECTED} is chosen; the two are the same for
 * canonical links) with step halving (McCullagh &amp; Nelder 1989, §2.5; Nocedal &amp; Wright 2006,
 * §3.1). Supported: gaussian–identity (OLS/WLS), binomial–logit, binomial–probit, poisson–log.
 *
 * <p>Settings are immutable and built fluently:
 * <pre>{@code
 * GlmFit fit = Glm.withDefaults().withFamily(Family.BINOMIAL).withLink(Link.PROBIT)
 *         .withVariance(VarianceType.ROBUST).fit(columns, names, y);
 * }</pre>
 *
 * <p>The design is given by columns ({@code x[j][i]} is regressor {@code j} of row {@code i});
 * an intercept, if wanted, is a column of ones. Missing values are not accepted: drop those rows
 * first (the formula layer does). Problems are reported as {@link InputException}s naming the
 * regressor: collinear columns, perfect prediction (separation), failure to converge.
 */
public final class Glm {

    private static final int DEFAULT_MAX_ITERATIONS = 100;
    private static final double EXTREME = 1e-10;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
    /** {@code Φ⁻¹(0.25)} and {@code Φ⁻¹(0.75)}: the probit's starting {@code η} for outcomes 0 and 1. */
    private static final double PROBIT_START_0 = STANDARD_NORMAL.inverseCumulativeProbability(0.25);
    private static final double PROBIT_START_1 = STANDARD_NORMAL.inverseCumulativeProbability(0.75);

    private final Family family;
    private final Link link;
    private final WeightKind weightKind;
    private final VarianceType varianceType;
    private final SmallSampleCorrection correction;
    private final Information information;
    private final int maxIterations;
    private final int threads;
    private final double level;
    private final double devianceTolerance;

    private Glm(Family family, Link link, WeightKind weightKind, VarianceType varianceType,
            SmallSampleCorrection correction, Information information, int maxIterations, int threads, double level,
            double devianceTolerance) {
        this.devianceTolerance = devianceTolerance;
        this.family = family;
        this.link = link;
        this.weightKind = weightKind;
        this.varianceType = varianceType;
        this.correction = correction;
        this.information = information;
        this.maxIterations = maxIterations;
        this.threads = threads;
        this.level = level;
    }

    /**
     * Binomial–logit, sampling weights, model-based (OIM) variance, observed information, 100
     * iterations at most, all processors, 95% intervals.
     *
     * @return the default settings
     */
    public static Glm withDefaults() {
        return new Glm(Family.BINOMIAL, Link.LOGIT, WeightKind.SAMPLING, VarianceType.OIM, null,
                Information.OBSERVED, DEFAULT_MAX_ITERATIONS, Runtime.getRuntime().availableProcessors(), 0.95, 0);
    }

    /**
     * @param f the family; the link becomes the family's canonical link unless set afterwards
     * @return new settings
     */
    public Glm withFamily(Family f) {
        return new Glm(f, f.canonicalLink(), weightKind, varianceType, correction, information, maxIterations, threads, level, devianceTolerance);
    }

    /**
     * @param l the link
     * @return new settings
     */
    public Glm withLink(Link l) {
        return new Glm(family, l, weightKind, varianceType, correction, information, maxIterations, threads, level, devianceTolerance);
    }

    /**
     * @param kind what the weights passed to {@code fit} mean
     * @return new settings
     */
    public Glm withWeights(WeightKind kind) {
        return new Glm(family, link, kind, varianceType, correction, information, maxIterations, threads, level, devianceTolerance);
    }

    /**
     * The reported variance. Its default small-sample factor follows Stata: for gaussian,
     * {@code HC1} (robust) and {@code CR1} (cluster), as {@code regress}; otherwise {@code ML}
     * ({@code N/(N-1)}) and {@code CLUSTER} ({@code G/(G-1)}), as {@code logit}, {@code probit},
     * {@code poisson}.
     *
     * @param type OIM, ROBUST or CLUSTER (the latter needs clusters in {@code fit})
     * @return new settings
     */
    public Glm withVariance(VarianceType type) {
        return new Glm(family, link, weightKind, type, correction, information, maxIterations, threads, level, devianceTolerance);
    }

    /**
     * @param c the small-sample factor of the robust or cluster-robust variance, overriding the default
     * @return new settings
     */
    public Glm withCorrection(SmallSampleCorrection c) {
        return new Glm(family, link, weightKind, varianceType, c, information, maxIterations, threads, level, devianceTolerance);
    }

    /**
     * @param i the information matrix used for Newton steps, the OIM variance and the sandwich's bread
     * @return new settings
     */
    public Glm withInformation(Information i) {
        return new Glm(family, link, weightKind, varianceType, correction, i, maxIterations, threads, level, devianceTolerance);
    }

    /**
     * @param max the iteration limit
     * @return new settings
     */
    public Glm withMaxIterations(int max) {
        return new Glm(family, link, weightKind, varianceType, correction, information, max, threads, level, devianceTolerance);
    }

    /**
     * Stops as soon as the relative change in deviance {@code |D_k - D_{k-1}| / (|D_k| + 0.1)} falls below
     * {@code epsilon}, the criterion of R's {@code glm} ({@code glm.control(epsilon = 1e-8)}), instead of
     * iterating to full convergence (the default, {@code 0}: until the Newton decrement
     * {@code gᵀI⁻¹g} is below {@code 1e-20}, then one more step). With R's {@code 1e-8},
     * estimates agree with the exact maximum only to about {@code 1e-8} relative.
     *
     * @param epsilon the tolerance, or 0 for full convergence
     * @return new settings
     */
    public Glm withDevianceTolerance(double epsilon) {
        return new Glm(family, link, weightKind, varianceType, correction, information, maxIterations, threads, level, epsilon);
    }

    /**
     * @param t worker threads (1 = the calling thread only)
     * @return new settings
     */
    public Glm withThreads(int t) {
        return new Glm(family, link, weightKind, varianceType, correction, information, maxIterations, Math.max(1, t), level, devianceTolerance);
    }

    /**
     * @param l the confidence level of the intervals, in (0, 1)
     * @return new settings
     */
    public Glm withLevel(double l) {
        return new Glm(family, link, weightKind, varianceType, correction, information, maxIterations, threads, l, devianceTolerance);
    }

    Family family() {
        return family;
    }

    WeightKind weightKind() {
        return weightKind;
    }

    VarianceType varianceType() {
        return varianceType;
    }

    Information information() {
        return information;
    }

    double level() {
        return level;
    }

    /**
     * The small-sample factor for a variance type under these settings.
     *
     * @param type ROBUST or CLUSTER
     * @return the factor
     */
    SmallSampleCorrection correctionFor(VarianceType type) {
        if (correction != null) {
            return correction;
        }
        boolean ols = family == Family.GAUSSIAN;
        return type == VarianceType.CLUSTER
                ? (ols ? SmallSampleCorrection.CR1 : SmallSampleCorrection.CLUSTER)
                : (ols ? SmallSampleCorrection.HC1 : SmallSampleCorrection.ML);
    }

    /**
     * Fits the model to a model matrix built from a formula: its response, columns and names, its
     * weights (of the kind set by {@link #withWeights}) and clusters. The matrix's warnings (rows
     * dropped for missing values, collinear columns dropped) are carried into the fit's warnings.
     *
     * @param m the model matrix of a two-sided formula
     * @return the fit
     * @throws InputException as {@link #fit(double[][], List, double[], double[], Clusters)}, with
     *         outcome problems reported by the dataset's row numbers
     */
    public GlmFit fit(ModelMatrix m) {
        double[] y = m.response();
        if (y == null) {
            throw new InputException("formula '" + m.formula().text() + "' has no outcome: write it as 'y ~ x1 + x2'");
        }
        Family f = GlmKernel.of(family, link).family();
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            if (f == Family.BINOMIAL && !(v >= 0 && v <= 1) || f == Family.POISSON && !(v >= 0)) {
                throw new InputException("outcome '" + m.responseName() + "' is " + NumericColumn.formatNumber(v) + " in row "
                        + (m.rows()[i] + 1) + ": the " + f.name().toLowerCase(Locale.ROOT) + " family needs "
                        + (f == Family.BINOMIAL ? "0 or 1" : "non-negative counts") + "; recode it or choose another family");
            }
        }
        return fit(m.columns(), m.names(), y, m.weights(), m.clusters(), m.warnings());
    }

    /**
     * Fits without weights or clusters.
     *
     * @param x the design's columns
     * @param names the regressors' names, one per column
     * @param y the outcome
     * @return the fit
     */
    public GlmFit fit(double[][] x, List<String> names, double[] y) {
        return fit(x, names, y, null, null);
    }

    /**
     * Fits the model.
     *
     * @param x the design's columns ({@code x[j][i]}); kept by reference by the fit, do not modify
     * @param names the regressors' names, one per column (used in results and messages)
     * @param y the outcome
     * @param weights weights of the kind set by {@link #withWeights}, or null
     * @param clusters cluster membership (needed for the CLUSTER variance), or null
     * @return the fit
     * @throws InputException for collinear regressors, perfect prediction, non-convergence, bad values
     */
    public GlmFit fit(double[][] x, List<String> names, double[] y, double[] weights, Clusters clusters) {
        return fit(x, names, y, weights, clusters, List.of());
    }

    private GlmFit fit(double[][] x, List<String> names, double[] y, double[] weights, Clusters clusters,
            List<String> warnings) {
        GlmKernel kernel = GlmKernel.of(family, link);
        int p = x.length;
        int n = y.length;
        validate(kernel, x, names, y, weights, clusters);
        checkPerfectPrediction(kernel, x, names, y, weights);
        ForkJoinPool pool = threads > 1 && n > 2 * LikelihoodPass.CHUNK ? new ForkJoinPool(threads) : null;
        try {
            LikelihoodPass pass = new LikelihoodPass(kernel, x, y, weights, pool);
            // Newton steps use the observed information (quadratic convergence) except when reproducing R's
            // Fisher-scoring path with its stopping rule; the reported information is the one asked for
            boolean observedSteps = information == Information.OBSERVED || devianceTolerance <= 0;
            boolean observed = information == Information.OBSERVED;
            double saturated = saturatedLogLikelihood(kernel, y, weights);
            double[] start = new double[1];
            double[] beta = startingValues(kernel, x, names, y, weights, pool, start);
            double[] eta = new double[n];
            NewtonMaximiser.Outcome out = NewtonMaximiser.maximise(b -> pass.run(b, observedSteps, eta), beta, saturated,
                    start[0], devianceTolerance, maxIterations, column -> collinear(names, column),
                    (b, step, iterations) -> notConverged(kernel, x, names, y, weights, b, step, iterations, pool));
            beta = out.beta();
            int iterations = out.iterations();
            // the maximiser's last evaluation is at β̂ and filled η; redo it only for another information type
            NewtonAccumulator acc = observedSteps == observed ? out.last() : pass.run(beta, observed, eta);
            int extreme = extremeCount(kernel, y, eta);
            if (extreme > 0) {
                throw separation(kernel, x, names, beta, extreme);
            }
            return new GlmFit(this, kernel, x, List.copyOf(names), y, weights, clusters, beta, eta,
                    acc.informationMatrix(), iterations, warnings);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private void validate(GlmKernel kernel, double[][] x, List<String> names, double[] y, double[] weights,
            Clusters clusters) {
        int n = y.length;
        validateDesign(x, names, n);
        for (int i = 0; i < n; i++) {
            double v = y[i];
            boolean ok = switch (kernel.family()) {
                case GAUSSIAN -> Double.isFinite(v);
                case BINOMIAL -> v >= 0 && v <= 1;
                case POISSON -> v >= 0 && Double.isFinite(v);
            };
            if (!ok) {
                throw new InputException("outcome value " + v + " in row " + (i + 1) + " is not valid for the "
                        + kernel.family().name().toLowerCase(Locale.ROOT) + " family"
                        + (kernel.family() == Family.BINOMIAL ? " (needs 0 or 1)" : kernel.family() == Family.POISSON
                                ? " (needs a non-negative count)" : "") + ": recode or drop it");
            }
        }
        validateWeights(weights, weightKind, n, x.length);
        validateVariance(varianceType, weightKind, weights, clusters, n);
    }

    /** Checks shapes and finiteness of the design. */
    static void validateDesign(double[][] x, List<String> names, int n) {
        int p = x.length;
        if (p == 0) {
            throw new InputException("the model has no regressors: add an intercept or a variable");
        }
        if (names.size() != p) {
            throw new IllegalArgumentException(p + " columns but " + names.size() + " names");
        }
        for (int j = 0; j < p; j++) {
            if (x[j].length != n) {
                throw new IllegalArgumentException("column '" + names.get(j) + "' has " + x[j].length + " rows, outcome " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x[j][i])) {
                    throw new InputException("regressor '" + names.get(j) + "' is missing or infinite in row " + (i + 1)
                            + ": drop rows with missing values before fitting");
                }
            }
        }
    }

    /** Checks weights of a kind and that there are more observations than {@code parameters}. */
    static void validateWeights(double[] weights, WeightKind kind, int n, int parameters) {
        if (weights != null) {
            if (weights.length != n) {
                throw new IllegalArgumentException(weights.length + " weights for " + n + " rows");
            }
            for (int i = 0; i < n; i++) {
                double v = weights[i];
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new InputException("weight " + v + " in row " + (i + 1) + " is negative or missing: weights must be"
                            + " non-negative numbers");
                }
                if (kind == WeightKind.SAMPLING && v == 0) {
                    throw new InputException("sampling weight is zero in row " + (i + 1)
                            + ": drop the rows with zero weight before fitting");
                }
                if (kind == WeightKind.FREQUENCY && v != Math.rint(v)) {
                    throw new InputException("frequency weight " + v + " in row " + (i + 1)
                            + " is not a whole number: use sampling weights instead");
                }
            }
        }
        double effectiveN = n;
        if (weights != null && kind == WeightKind.FREQUENCY) {
            effectiveN = 0;
            for (double v : weights) {
                effectiveN += v;
            }
        }
        if (effectiveN <= parameters) {
            throw new InputException("only " + (long) effectiveN + " observations for " + parameters
                    + " parameters: the model needs more observations than parameters");
        }
    }

    /** Checks that the variance type fits the weights and clusters given. */
    static void validateVariance(VarianceType type, WeightKind kind, double[] weights, Clusters clusters, int n) {
        if (clusters != null && clusters.size() != n) {
            throw new IllegalArgumentException(clusters.size() + " cluster codes for " + n + " rows");
        }
        ModelVariance.check(type, weights != null && kind == WeightKind.SAMPLING, clusters);
    }

    /**
     * Perfect prediction by one regressor: a two-valued regressor with a value at which the outcome
     * is constant (0 or 1 for binomial, 0 for Poisson), or a regressor whose ranges for outcome 0
     * and 1 do not overlap (complete separation; Albert &amp; Anderson 1984, Biometrika 71(1)).
     */
    private static void checkPerfectPrediction(GlmKernel kernel, double[][] x, List<String> names, double[] y,
            double[] w) {
        if (kernel.family() == Family.GAUSSIAN) {
            return;
        }
        int n = y.length;
        boolean binary = true;
        for (int i = 0; i < n && binary; i++) {
            binary = y[i] == 0 || y[i] == 1 || kernel.family() == Family.POISSON;
        }
        for (int j = 0; j < x.length; j++) {
            double[] xj = x[j];
            double a = xj[0];
            double b = Double.NaN;
            boolean twoValued = true;
            double min0 = Double.POSITIVE_INFINITY;
            double max0 = Double.NEGATIVE_INFINITY;
            double min1 = Double.POSITIVE_INFINITY;
            double max1 = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = xj[i];
                if (v != a) {
                    if (Double.isNaN(b)) {
                        b = v;
                    } else if (v != b) {
                        twoValued = false;
                    }
                }
                if (y[i] == 0) {
                    min0 = Math.min(min0, v);
                    max0 = Math.max(max0, v);
                } else {
                    min1 = Math.min(min1, v);
                    max1 = Math.max(max1, v);
                }
            }
            if (Double.isNaN(b)) {
                continue; // constant: an intercept, or caught as collinear
            }
            if (twoValued) {
                for (double level : new double[] {a, b}) {
                    String predicted = constantOutcome(kernel, xj, y, level);
                    if (predicted != null) {
                        throw new InputException("regressor '" + names.get(j) + "' predicts " + predicted
                                + " perfectly when it equals " + NumericColumn.formatNumber(level) + " (" + count(xj, level)
                                + " rows): drop the regressor or those rows");
                    }
                }
            } else if (binary && kernel.family() == Family.BINOMIAL && max0 > Double.NEGATIVE_INFINITY
                    && max1 > Double.NEGATIVE_INFINITY && (max0 < min1 || max1 < min0)) {
                throw new InputException("regressor '" + names.get(j) + "' separates the outcome completely (outcome is "
                        + (max0 < min1 ? "1 when it exceeds " + NumericColumn.formatNumber(max0)
                                : "0 when it exceeds " + NumericColumn.formatNumber(max1))
                        + "): the maximum-likelihood estimate does not exist; drop the regressor");
            }
        }
    }

    private static String constantOutcome(GlmKernel kernel, double[] xj, double[] y, double level) {
        boolean all0 = true;
        boolean all1 = true;
        for (int i = 0; i < y.length; i++) {
            if (xj[i] == level) {
                all0 &= y[i] == 0;
                all1 &= y[i] == 1;
            }
        }
        if (all0) {
            return kernel.family() == Family.POISSON ? "a zero count" : "failure (0)";
        }
        return all1 && kernel.family() == Family.BINOMIAL ? "success (1)" : null;
    }

    private static int count(double[] xj, double level) {
        int c = 0;
        for (double v : xj) {
            c += v == level ? 1 : 0;
        }
        return c;
    }

    /**
     * The first iteration of iteratively reweighted least squares from the data, {@code μ⁰ = (y + 0.5)/2}
     * (binomial), {@code y + 0.1} (Poisson) or {@code y} (gaussian): the weighted least-squares fit of
     * the working response {@code z = g(μ⁰) + (y - μ⁰) g'(μ⁰)} with weights {@code w / (V(μ⁰) g'(μ⁰)²)}
     * (McCullagh &amp; Nelder 1989, §2.5). Also returns the deviance at {@code μ⁰} in {@code deviance[0]}.
     */
    private static double[] startingValues(GlmKernel kernel, double[][] x, List<String> names, double[] y,
            double[] w, ForkJoinPool pool, double[] deviance) {
        int n = y.length;
        double[] z = new double[n];
        double[] iw = new double[n];
        double dev = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1.0 : w[i];
            double yi = y[i];
            double mu;
            double eta;
            double gPrime;
            double variance;
            switch (kernel) {
                case GAUSSIAN_IDENTITY -> {
                    mu = yi;
                    eta = yi;
                    gPrime = 1;
                    variance = 1;
                }
                case BINOMIAL_LOGIT -> {
                    mu = (yi + 0.5) / 2;
                    eta = Math.log(mu / (1 - mu));
                    gPrime = 1 / (mu * (1 - mu));
                    variance = mu * (1 - mu);
                }
                case BINOMIAL_PROBIT -> {
                    mu = (yi + 0.5) / 2;
                    eta = yi == 0 ? PROBIT_START_0 : yi == 1 ? PROBIT_START_1 : STANDARD_NORMAL.inverseCumulativeProbability(mu);
                    gPrime = Math.sqrt(2 * Math.PI) * Math.exp(0.5 * eta * eta);
                    variance = mu * (1 - mu);
                }
                case POISSON_LOG -> {
                    mu = yi + 0.1;
                    eta = Math.log(mu);
                    gPrime = 1 / mu;
                    variance = mu;
                }
                default -> throw new IllegalStateException(kernel.name());
            }
            z[i] = eta + (yi - mu) * gPrime;
            iw[i] = wi / (variance * gPrime * gPrime);
            dev += wi * kernel.unitDeviance(yi, mu);
        }
        deviance[0] = dev;
        NewtonAccumulator acc = new LikelihoodPass(GlmKernel.GAUSSIAN_IDENTITY, x, z, iw, pool)
                .run(new double[x.length], true, null);
        Cholesky chol = Cholesky.of(acc.informationMatrix());
        if (!chol.isPositiveDefinite()) {
            throw collinear(names, chol.collinearColumn());
        }
        return chol.solve(acc.score);
    }

    /** {@code Σ w ℓ(y; μ = y)} in the kernel's parametrisation (without terms free of {@code μ}). */
    private static double saturatedLogLikelihood(GlmKernel kernel, double[] y, double[] w) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double yi = y[i];
            double wi = w == null ? 1.0 : w[i];
            s += wi * switch (kernel) {
                case GAUSSIAN_IDENTITY -> 0.0;
                case BINOMIAL_LOGIT, BINOMIAL_PROBIT -> (yi > 0 ? yi * Math.log(yi) : 0) + (yi < 1 ? (1 - yi) * Math.log1p(-yi) : 0);
                case POISSON_LOG -> (yi > 0 ? yi * Math.log(yi) : 0) - yi;
            };
        }
        return s;
    }

    private static InputException collinear(List<String> names, int column) {
        List<String> earlier = new ArrayList<>(names.subList(0, column));
        return new InputException("regressor '" + names.get(column) + "' is collinear with "
                + (earlier.isEmpty() ? "nothing before it (it is all zero)" : "earlier regressors " + String.join(", ", earlier))
                + ": drop it or one of them");
    }

    /**
     * Observations whose fitted mean is numerically at the boundary of its range: probabilities
     * within {@code 1e-10} of 0 or 1 ({@code |η| > 23} for the logit), or Poisson means below
     * {@code 1e-10} for zero counts. They arise when the likelihood has no maximum (separation).
     */
    private static int extremeCount(GlmKernel kernel, double[] y, double[] eta) {
        int extreme = 0;
        for (int i = 0; i < y.length; i++) {
            double mu = kernel.mean(eta[i]);
            if (kernel.family() == Family.BINOMIAL && (mu < EXTREME || mu > 1 - EXTREME)
                    || kernel.family() == Family.POISSON && y[i] == 0 && mu < EXTREME) {
                extreme++;
            }
        }
        return extreme;
    }

    /** Names the regressor with the largest coefficient in standardised units ({@code |β_j| · rms(x_j)}). */
    private static InputException separation(GlmKernel kernel, double[][] x, List<String> names, double[] direction,
            int extreme) {
        int worst = 0;
        double largest = -1;
        for (int j = 0; j < x.length; j++) {
            double ss = 0;
            for (double v : x[j]) {
                ss += v * v;
            }
            double size = Math.abs(direction[j]) * Math.sqrt(ss / x[j].length);
            if (size > largest) {
                largest = size;
                worst = j;
            }
        }
        return new InputException("perfect prediction: " + extreme + " observations have fitted "
                + (kernel.family() == Family.POISSON ? "means 0" : "probabilities 0 or 1")
                + " and the coefficient of '" + names.get(worst) + "' diverges (separation): drop that regressor or"
                + " the observations it predicts");
    }

    /**
     * Explains a failure to converge: perfect prediction when fitted means are at the boundary
     * (naming the regressor whose coefficient moved most in standardised units), otherwise
     * non-convergence.
     */
    private InputException notConverged(GlmKernel kernel, double[][] x, List<String> names, double[] y, double[] w,
            double[] beta, double[] step, int iterations, ForkJoinPool pool) {
        double[] eta = new double[y.length];
        new LikelihoodPass(kernel, x, y, w, pool).run(beta, true, eta);
        int extreme = extremeCount(kernel, y, eta);
        if (extreme > 0) {
            return separation(kernel, x, names, step != null ? step : beta, extreme);
        }
        return new InputException("the " + family.name().toLowerCase(Locale.ROOT) + "/" + link.name().toLowerCase(Locale.ROOT)
                + " model did not converge after " + iterations + " iterations: rescale the regressors or simplify the model");
    }
}
