package org.synergia.effects.saturation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synergia.stats.inference.AbstractEstimationResult;
import org.synergia.stats.fewclusters.WildBootstrapResult;
import org.synergia.stats.inference.Estimate;

/**
 * Estimates of a randomised saturation design ({@link SaturationEffects}): terms {@code ITT},
 * {@code spillover}, {@code ITT[π]}, {@code spillover[π]}, {@code ITT:slope}, {@code spillover:slope},
 * with cluster-robust SEs; randomisation-inference p-values in {@link #randomisationPValue} and in
 * the diagnostics as {@code ri_p_value:<term>}. Immutable.
 */
public final class SaturationResult extends AbstractEstimationResult {

    private final List<String> riTerms;
    private final double[] ri;
    private final WildBootstrapResult wildBootstrap;

    SaturationResult(List<Estimate> estimates, int n, Map<String, Object> diagnostics, List<String> warnings,
            List<String> riTerms, double[] ri, WildBootstrapResult wildBootstrap) {
        super("saturation", estimates, n, diagnostics, warnings);
        this.riTerms = riTerms == null ? List.of() : List.copyOf(riTerms);
        this.ri = ri == null ? new double[0] : ri.clone();
        this.wildBootstrap = wildBootstrap;
    }

    /** @return the wild cluster bootstrap of every term, when the fit ran one */
    public Optional<WildBootstrapResult> wildBootstrap() {
        return Optional.ofNullable(wildBootstrap);
    }

    /**
     * @param term a term's name
     * @return its row
     * @throws IllegalArgumentException when there is no such term
     */
    public Estimate term(String term) {
        return findTerm(term);
    }

    /**
     * @param term a term's name
     * @return its randomisation-inference p-value under the sharp null of no effect
     * @throws IllegalStateException when the fit ran no permutations
     */
    public double randomisationPValue(String term) {
        int k = riTerms.indexOf(term);
        if (k < 0) {
            throw new IllegalStateException("no randomisation-inference p-value for " + term);
        }
        return ri[k];
    }
}
