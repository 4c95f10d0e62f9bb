package org.synergia.effects.did;

/**
 * The period a staggered design's group-time effect {@code ATT(g,t)} compares period {@code t}
 * with, named as on the command line ({@code --base-period}) and as R {@code did::att_gt}'s
 * {@code base_period}. Post-treatment cells ({@code t ≥ g}) always compare with the last period
 * before {@code g} minus the anticipation periods; the two differ before treatment.
 */
public enum BasePeriod {
    /**
     * Pre-treatment cells compare {@code t} with the period just before it, so each is a placebo
     * two-period effect ({@code base_period = "varying"}, the default).
     */
    VARYING("varying"),
    /**
     * Every cell compares with the same last period before treatment, whose own cell is 0 by
     * construction and reported with no standard error ({@code base_period = "universal"}).
     */
    UNIVERSAL("universal");

    private final String label;

    BasePeriod(String label) {
        this.label = label;
    }

    /** @return the name on the command line ({@code varying}, {@code universal}) */
    public String label() {
        return label;
    }

    /**
     * @param label {@code varying} or {@code universal}
     * @return the base period convention
     * @throws IllegalArgumentException for another name (the command line offers only these)
     */
    public static BasePeriod parse(String label) {
        for (BasePeriod b : values()) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no base period " + label);
    }
}
