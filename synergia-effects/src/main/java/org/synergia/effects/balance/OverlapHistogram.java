package org.synergia.effects.balance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Histogram data of a score by arm, before (counts) and after (sums of the adjustment's
 * weights) adjustment, on common equal-width bins spanning the score's range: the data behind
 * an overlap (common support) plot.
 *
 * @param edges bin edges, {@code bins + 1} ascending values
 * @param treatedBefore treated count per bin
 * @param controlBefore control count per bin
 * @param treatedAfter treated weight per bin after adjustment
 * @param controlAfter control weight per bin after adjustment
 */
public record OverlapHistogram(double[] edges, double[] treatedBefore, double[] controlBefore, double[] treatedAfter,
        double[] controlAfter) {

    /**
     * @param score the score of every row
     * @param treated the arm of every row
     * @param after the adjustment's weight of every row
     * @param bins number of bins, {@code >= 1}
     * @return the histogram
     */
    public static OverlapHistogram of(double[] score, boolean[] treated, double[] after, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        double width = (hi - lo) / bins;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = lo + b * width;
        }
        edges[bins] = hi;
        double[] tb = new double[bins];
        double[] cb = new double[bins];
        double[] ta = new double[bins];
        double[] ca = new double[bins];
        for (int i = 0; i < score.length; i++) {
            int b = Math.min(bins - 1, (int) ((score[i] - lo) / width));
            if (treated[i]) {
                tb[b]++;
                ta[b] += after[i];
            } else {
                cb[b]++;
                ca[b] += after[i];
            }
        }
        return new OverlapHistogram(edges, tb, cb, ta, ca);
    }

    /** @return the histogram as a list of bins, ready for a JSON writer */
    public List<Map<String, Object>> toList() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int b = 0; b < treatedBefore.length; b++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("low", edges[b]);
            m.put("high", edges[b + 1]);
            m.put("treated_before", treatedBefore[b]);
            m.put("control_before", controlBefore[b]);
            m.put("treated_after", treatedAfter[b]);
            m.put("control_after", controlAfter[b]);
            out.add(m);
        }
        return out;
    }
}
