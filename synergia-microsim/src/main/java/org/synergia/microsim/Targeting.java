package org.synergia.microsim;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is eligible for a programme: a proxy-means-test cutoff (score at or below it), a set of
 * regions (empty = all), and categorical rules (rural residence, a primary-school-age child,
 * farming).
 *
 * @param pmtCutoff eligible when the PMT score is at or below this ({@code +inf} = no means test)
 * @param regions eligible region codes, empty for all
 * @param ruralOnly only rural households
 * @param schoolChild only households with a primary-school-age child
 * @param farming only farming households
 */
public record Targeting(double pmtCutoff, Set<Integer> regions, boolean ruralOnly, boolean schoolChild, boolean farming)
        implements Serializable {

    /** Checks the rule. */
    public Targeting {
        if (Double.isNaN(pmtCutoff)) {
            throw new org.synergia.data.InputException("targeting: PMT cutoff is NaN; use Infinity for no means test");
        }
        regions = Set.copyOf(regions);
    }

    /** @return everyone eligible */
    public static Targeting everyone() {
        return new Targeting(Double.POSITIVE_INFINITY, Set.of(), false, false, false);
    }

    /**
     * @param c a chunk
     * @param i a row
     * @return whether the household is eligible
     */
    boolean eligible(PopulationChunk c, int i) {
        return c.pmtScore[i] <= pmtCutoff && (regions.isEmpty() || regions.contains(c.region[i]))
                && (!ruralOnly || c.rural[i]) && (!schoolChild || c.schoolChild[i]) && (!farming || c.farming[i]);
    }
}
