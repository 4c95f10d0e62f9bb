package org.synergia.cases.simulate;

import java.util.Map;

/**
 * One outcome's untreated state for every household and the effects planted on it: for a
 * continuous outcome the untreated value, for an indicator the latent well-being from which its
 * items are drawn. Effects add to that state (in outcome units, or latent units for indicators).
 */
final class PlantedOutcome {
    private final ItemModel items;
    private final double[] base;
    private final double[] baseAtCutoff;
    private final Map<Integer, Double> effects;

    /**
     * @param items the indicator's item model, or null for a continuous outcome
     * @param base the untreated state of each household
     * @param baseAtCutoff the untreated state had the running variable been at the cutoff (null outside RD designs)
     * @param effects the planted effect by group code
     */
    PlantedOutcome(ItemModel items, double[] base, double[] baseAtCutoff, Map<Integer, Double> effects) {
        this.items = items;
        this.base = base;
        this.baseAtCutoff = baseAtCutoff;
        this.effects = effects;
    }

    /** @return the effect planted for a group (0 for the control group) */
    double effect(int group) {
        return effects.getOrDefault(group, 0.0);
    }

    /** @return the expected outcome of household i with the state shifted by {@code shift} */
    double expected(int i, double shift) {
        return expectedAt(base[i], shift);
    }

    /** @return the expected outcome at a given untreated state shifted by {@code shift} */
    double expectedAt(double state, double shift) {
        return items == null ? state + shift : items.expected(state + shift);
    }

    /** @return the same outcome for a subset of the households (for example those still surveyed after attrition) */
    PlantedOutcome rows(int[] rows) {
        double[] b = new double[rows.length];
        double[] c = baseAtCutoff == null ? null : new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            b[r] = base[rows[r]];
            if (c != null) {
                c[r] = baseAtCutoff[rows[r]];
            }
        }
        return new PlantedOutcome(items, b, c, effects);
    }

    /** @return household i's untreated state at the cutoff of the running variable */
    double baseAtCutoff(int i) {
        return baseAtCutoff[i];
    }
}
