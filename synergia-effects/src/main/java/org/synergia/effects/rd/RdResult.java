package org.synergia.effects.rd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/**
 * The result of a regression discontinuity estimate, with rdrobust's three rows: conventional
 * (local polynomial of order p, its usual SE), bias-corrected (the estimate minus the estimated
 * leading bias from the order-q fit, same SE) and robust (the bias-corrected estimate with the SE
 * that accounts for the bias estimation, Calonico, Cattaneo and Titiunik 2014, Theorem A.1).
 *
 * @param conventional the conventional row
 * @param biasCorrected the bias-corrected row
 * @param robust the robust row
 * @param hLeft main bandwidth left of the cutoff
 * @param hRight main bandwidth right of the cutoff
 * @param bLeft bias bandwidth left of the cutoff
 * @param bRight bias bandwidth right of the cutoff
 * @param nLeft units left of the cutoff
 * @param nRight units at or right of the cutoff
 * @param nEffLeft units left of the cutoff with positive weight within {@code hLeft}
 * @param nEffRight units right of the cutoff with positive weight within {@code hRight}
 * @param cutoff the cutoff
 * @param settings how it was estimated (kernel, orders, selector, variance, mass points) and rdrobust's
 *     counts of distinct running-variable values and of clusters on each side
 * @param warnings warnings, one sentence each
 */
public record RdResult(Estimate conventional, Estimate biasCorrected, Estimate robust, double hLeft, double hRight,
        double bLeft, double bRight, int nLeft, int nRight, int nEffLeft, int nEffRight, double cutoff,
        Map<String, Object> settings, List<String> warnings) implements EstimationResult {

    /** Copies the settings and warnings so the result stays immutable. */
    public RdResult {
        settings = Map.copyOf(settings);
        warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
        return "rd";
    }

    @Override
    public List<Estimate> estimates() {
        return List.of(conventional, biasCorrected, robust);
    }

    @Override
    public int n() {
        return nLeft + nRight;
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("h_left", hLeft);
        d.put("h_right", hRight);
        d.put("b_left", bLeft);
        d.put("b_right", bRight);
        d.put("n_eff_left", nEffLeft);
        d.put("n_eff_right", nEffRight);
        d.put("n_left", nLeft);
        d.put("n_right", nRight);
        d.put("cutoff", cutoff);
        for (String key : List.of("kernel", "p", "q", "bwselect", "vce", "design", "vce_type", "masspoints",
                "n_unique_left", "n_unique_right", "bwcheck", "clusters_left", "clusters_right")) {
            if (settings.containsKey(key)) {
                d.put(key, settings.get(key));
            }
        }
        return d;
    }
}
