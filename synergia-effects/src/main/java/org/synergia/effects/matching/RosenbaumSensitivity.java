package org.synergia.effects.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rosenbaum bounds of a matched-pair design ({@link RosenbaumBounds}): the sensitivity value
 * {@code Γ*} and, at each {@code Γ} of the grid, the bounds of the one-sided signed-rank p-value
 * and of the Hodges-Lehmann estimate. Immutable.
 *
 * @param pairs the number of pairs
 * @param zeroDifferences how many of them have a zero difference (left out of the signed-rank test)
 * @param alternative the direction of the one-sided test, that of the mean difference
 * @param statistic the signed-rank statistic {@code T} of the differences in that direction
 * @param pValue the one-sided signed-rank p-value without hidden bias ({@code Γ = 1}; {@code psens}'s
 *     "unconfounded estimate")
 * @param alpha the level that defines {@code Γ*}
 * @param gammaStar the smallest {@code Γ >= 1} at which the upper bound of the p-value reaches {@code alpha}
 * @param bounds the bounds at each {@code Γ} of the grid
 */
public record RosenbaumSensitivity(int pairs, int zeroDifferences, Alternative alternative, double statistic, double pValue,
        double alpha, double gammaStar, List<Bound> bounds) {

    /** The direction of the one-sided test. */
    public enum Alternative {
        /** Treated outcomes above control outcomes: {@code psens(treated, control)}. */
        GREATER,
        /** Treated outcomes below control outcomes: {@code psens(control, treated)}. */
        LESS
    }

    /**
     * The bounds at one {@code Γ}.
     *
     * @param gamma the bound on the odds ratio of treatment within a pair
     * @param pUpper the upper bound of the one-sided p-value ({@code rbounds} "Upper bound")
     * @param pLower its lower bound
     * @param hlLower the smallest Hodges-Lehmann estimate, treated minus control
     * @param hlUpper the largest
     */
    public record Bound(double gamma, double pUpper, double pLower, double hlLower, double hlUpper) {
    }

    /** Copies the bounds. */
    public RosenbaumSensitivity {
        bounds = List.copyOf(bounds);
    }

    /** @return whether even without hidden bias ({@code Γ = 1}) the test is not significant at {@code alpha} */
    public boolean notSignificantAtOne() {
        return gammaStar == 1;
    }

    /**
     * @return the diagnostics of the JSON result: {@code rosenbaum_gamma}, {@code rosenbaum_bounds}
     *     ({@code [{gamma, p_upper, p_lower, hl_lower, hl_upper}]}), {@code rosenbaum_alpha},
     *     {@code rosenbaum_alternative} ({@code greater} or {@code less}), {@code rosenbaum_pairs},
     *     {@code rosenbaum_zero_differences}
     */
    public Map<String, Object> diagnostics() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Bound b : bounds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gamma", b.gamma());
            m.put("p_upper", b.pUpper());
            m.put("p_lower", b.pLower());
            m.put("hl_lower", b.hlLower());
            m.put("hl_upper", b.hlUpper());
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rosenbaum_gamma", gammaStar);
        out.put("rosenbaum_bounds", rows);
        out.put("rosenbaum_alpha", alpha);
        out.put("rosenbaum_alternative", alternative.name().toLowerCase(Locale.ROOT));
        out.put("rosenbaum_pairs", pairs);
        out.put("rosenbaum_zero_differences", zeroDifferences);
        return out;
    }
}
