package org.synergia.stats.fewclusters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synergia.stats.inference.Term;

/**
 * What {@link WildClusterBootstrap} found: for each tested term the bootstrap p-value of {@code H0: θ = 0}
 * and the confidence interval by test inversion, with the draws behind them.
 *
 * @param draws the number of bootstrap draws used ({@code 2^G} when every sign vector was enumerated)
 * @param weights the weights' distribution
 * @param seed the seed of the draws (unused when enumerated)
 * @param enumerated whether every Rademacher sign vector was used instead of random draws
 * @param level the intervals' confidence level
 * @param terms one entry per tested term, in the order tested
 */
public record WildBootstrapResult(int draws, WildWeights weights, long seed, boolean enumerated, double level,
        List<TermResult> terms) {

    /** The diagnostic key under which estimators put {@link #toDiagnostic()}. */
    public static final String KEY = "wild_bootstrap";

    /**
     * One term's bootstrap inference.
     *
     * @param term the term
     * @param pValue the symmetric bootstrap p-value of {@code θ = 0}
     * @param ciLow the lower end of the interval (negative infinity when the p-value stays above {@code 1 - level})
     * @param ciHigh the upper end
     */
    public record TermResult(Term term, double pValue, double ciLow, double ciHigh) {
    }

    /** Copies the terms. */
    public WildBootstrapResult {
        terms = List.copyOf(terms);
    }

    /**
     * @param other the result of the same bootstrap (draws, weights, seed) for more terms
     * @return both results' terms, this one's first
     */
    public WildBootstrapResult plus(WildBootstrapResult other) {
        List<TermResult> all = new ArrayList<>(terms);
        all.addAll(other.terms);
        return new WildBootstrapResult(draws, weights, seed, enumerated, level, all);
    }

    /**
     * @param name a term's name
     * @return its entry, if it was tested
     */
    public Optional<TermResult> term(String name) {
        return terms.stream().filter(t -> t.term().toString().equals(name)).findFirst();
    }

    /**
     * @return the JSON form of the result document's {@code diagnostics.wild_bootstrap}: {@code draws},
     *         {@code weights}, {@code seed}, {@code enumerated}, {@code level} and {@code terms}
     *         ({@code [{term, p_value, ci_low, ci_high}]})
     */
    public Map<String, Object> toDiagnostic() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("draws", draws);
        d.put("weights", weights.label());
        d.put("seed", seed);
        d.put("enumerated", enumerated);
        d.put("level", level);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TermResult t : terms) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("term", t.term().toString());
            row.put("p_value", t.pValue());
            row.put("ci_low", t.ciLow());
            row.put("ci_high", t.ciHigh());
            rows.add(row);
        }
        d.put("terms", rows);
        return d;
    }

    /**
     * @param asked the number of draws asked for
     * @return a warning that every sign vector was used instead of random draws, when that happened
     */
    public Optional<String> enumerationWarning(int asked) {
        if (!enumerated) {
            return Optional.empty();
        }
        return Optional.of("with " + Integer.numberOfTrailingZeros(draws) + " clusters the wild bootstrap used all " + draws
                + " Rademacher sign vectors instead of " + asked + " random draws (full enumeration, as boottest does)");
    }
}
