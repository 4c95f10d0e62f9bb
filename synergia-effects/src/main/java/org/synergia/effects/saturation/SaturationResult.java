package org.synergia.effects.saturation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/**
 * Estimates of a randomised saturation design ({@link SaturationEffects}): terms {@code ITT},
 * {@code spillover}, {@code ITT[π]}, {@code spillover[π]}, {@code ITT:slope}, {@code spillover:slope},
 * with cluster-robust SEs; randomisation-inference p-values in {@link #randomisationPValue} and in
 * the diagnostics as {@code ri_p_value:<term>}. Immutable.
 */
public final class SaturationResult implements EstimationResult {

    private final List<Estimate> estimates;
    private final int n;
    private final Map<String, Object> diagnostics;
    private final List<String> warnings;
    private final List<String> riTerms;
    private final double[] ri;

    SaturationResult(List<Estimate> estimates, int n, Map<String, Object> diagnostics, List<String> warnings,
            List<String> riTerms, double[] ri) {
        this.estimates = List.copyOf(estimates);
        this.n = n;
        this.diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        this.warnings = List.copyOf(warnings);
        this.riTerms = riTerms == null ? List.of() : List.copyOf(riTerms);
        this.ri = ri == null ? new double[0] : ri.clone();
    }

    @Override
    public String method() {
        return "saturation";
    }

    @Override
    public List<Estimate> estimates() {
        return estimates;
    }

    /**
     * @param term a term's name
     * @return its row
     * @throws IllegalArgumentException when there is no such term
     */
    public Estimate term(String term) {
        return estimates.stream().filter(e -> e.term().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term " + term));
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

    @Override
    public int n() {
        return n;
    }

    @Override
    public Map<String, Object> diagnostics() {
        return diagnostics;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}
