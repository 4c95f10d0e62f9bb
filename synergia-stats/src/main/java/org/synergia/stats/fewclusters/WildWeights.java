package org.synergia.stats.fewclusters;

import java.util.SplittableRandom;

/** The distribution of the wild bootstrap's cluster weights {@code v_g}: mean 0, variance 1. */
public enum WildWeights {
    /** {@code ±1} with probability 1/2 each (Rademacher; Cameron, Gelbach &amp; Miller 2008): boottest's default. */
    RADEMACHER,
    /**
     * {@code ±√(1/2)}, {@code ±1}, {@code ±√(3/2)} with probability 1/6 each (Webb 2014, "Reworking wild
     * bootstrap based inference for clustered errors", Queen's Economics Department WP 1315): six values, so
     * that with few clusters there are {@code 6^G} distinct draws rather than {@code 2^G}.
     */
    WEBB;

    private static final double[] SIX_POINTS = {-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)};

    /**
     * @param rng the generator
     * @return one weight
     */
    double draw(SplittableRandom rng) {
        return this == RADEMACHER ? (rng.nextBoolean() ? 1 : -1) : SIX_POINTS[rng.nextInt(6)];
    }

    /** @return the name as the command line spells it ({@code rademacher}, {@code webb}) */
    public String label() {
        return this == RADEMACHER ? "rademacher" : "webb";
    }
}
