package org.synergia.effects.potentialoutcomes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synergia.stats.inference.AbstractEstimationResult;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.Linearised;
import org.synergia.stats.inference.Term;

/**
 * The result of RA, IPW, AIPW or IPWRA: the requested effects (term names as the command-line
 * contract spells them: {@code ATE}, {@code ATT}, {@code ATE:<level>vs<control>},
 * {@code POmean:<level>}, {@code synergy}), plus every potential-outcome mean with its full
 * covariance so that callers can form other contrasts, and each term's influence function.
 */
public final class TreatmentEffectResult extends AbstractEstimationResult implements Linearised {

    private final Estimand estimand;
    private final double[] levels;
    private final double[] means;
    private final double[][] covariance;
    private final Influence influence;

    /**
     * The means' influence functions and each term's contrast of the means.
     *
     * @param rows the caller's rows the estimator used
     * @param means the influence functions of the means, column-major, arms in the estimator's order
     * @param contrasts each term's weights on the means, in the same order
     */
    record Influence(int[] rows, double[] means, Map<Term, double[]> contrasts) {}

    TreatmentEffectResult(String method, Estimand estimand, List<Estimate> estimates, int n,
            Map<String, Object> diagnostics, List<String> warnings, double[] levels, double[] means,
            double[][] covariance, Influence influence) {
        super(method, estimates, n, diagnostics, warnings);
        this.estimand = estimand;
        this.levels = levels.clone();
        this.means = means.clone();
        this.covariance = Arrays.stream(covariance).map(double[]::clone).toArray(double[][]::new);
        this.influence = influence;
    }

    @Override
    public int[] influenceRows() {
        return influence.rows().clone();
    }

    @Override
    public Optional<double[]> influence(Term term) {
        double[] c = influence.contrasts().get(term);
        if (c == null) {
            return Optional.empty();
        }
        int n = influence.rows().length;
        double[] out = new double[n];
        for (int t = 0; t < c.length; t++) {
            if (c[t] != 0) {
                for (int i = 0; i < n; i++) {
                    out[i] += c[t] * influence.means()[t * n + i];
                }
            }
        }
        return Optional.of(out);
    }

    /** @return the estimand the effects refer to */
    public Estimand estimand() {
        return estimand;
    }

    /**
     * @param term a term name, for example {@code ATE} or {@code POmean:0}
     * @return that row
     * @throws IllegalArgumentException if there is no such term
     */
    public Estimate estimate(String term) {
        return estimates().stream().filter(e -> e.name().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term " + term + " in " + estimates()));
    }

    /**
     * @param all the warnings to report instead of this result's
     * @return a copy with those warnings
     */
    TreatmentEffectResult withWarnings(List<String> all) {
        return new TreatmentEffectResult(method(), estimand, estimates(), n(), diagnostics(), all, levels, means,
                covariance, influence);
    }

    /** @return the treatment levels in ascending order */
    public double[] levels() {
        return levels.clone();
    }

    /**
     * @return the potential-outcome mean of each level (in the order of {@link #levels()}), over the
     *         whole population (ATE, POmeans) or among units of the treated level (ATT)
     */
    public double[] potentialOutcomeMeans() {
        return means.clone();
    }

    /** @return the stacked-sandwich covariance of {@link #potentialOutcomeMeans()} */
    public double[][] potentialOutcomeCovariance() {
        return Arrays.stream(covariance).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public String toString() {
        return method() + " " + estimand + " n=" + n() + " " + estimates();
    }
}
