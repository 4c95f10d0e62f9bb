package org.synergia.microsim;

import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The national scale-up of two programmes: their targeting, take-up, costs and effects, the
 * synergy (extra effect for households reached by both), the poverty line, and the income grid of
 * the streaming Gini and decile incidence ({@link org.synergia.measures.poverty.GiniAccumulator}).
 * Effects are per household per year; a household's consumption per capita rises by the sum of
 * its effects divided by its size (floored at zero).
 *
 * @param povertyLine the poverty line in consumption per capita per year
 * @param first the first programme
 * @param second the second programme
 * @param synergy the extra effect for households reached by both
 * @param gridLow lower edge of the geometric income grid
 * @param gridHigh upper edge of the income grid
 * @param gridBins number of bins of the grid
 */
public record ScenarioModel(double povertyLine, Programme first, Programme second, Effect synergy, double gridLow,
        double gridHigh, int gridBins) implements Serializable {

    /** Checks the line and grid. */
    public ScenarioModel {
        if (!(povertyLine > 0) || Double.isInfinite(povertyLine)) {
            throw new org.synergia.data.InputException("poverty line " + povertyLine + " must be positive and finite");
        }
        if (!(gridLow > 0 && gridHigh > gridLow && gridBins > 0)) {
            throw new org.synergia.data.InputException("income grid [" + gridLow + ", " + gridHigh + "] x " + gridBins
                    + ": need 0 < low < high and bins > 0");
        }
    }

    /**
     * A model with the default grid: 4,096 geometric bins from 1/100 to 1,000 times the line.
     *
     * @param povertyLine the poverty line
     * @param first the first programme
     * @param second the second programme
     * @param synergy the synergy effect
     * @return the model
     */
    public static ScenarioModel of(double povertyLine, Programme first, Programme second, Effect synergy) {
        return new ScenarioModel(povertyLine, first, second, synergy, povertyLine / 100, povertyLine * 1000, 4096);
    }

    /**
     * The four standard scenarios: each programme alone, both, both with joint targeting.
     *
     * @param firstName name of the first-alone scenario
     * @param secondName name of the second-alone scenario
     * @return the scenarios
     */
    public static List<Scenario> standardScenarios(String firstName, String secondName) {
        return List.of(new Scenario(firstName, true, false, false), new Scenario(secondName, false, true, false),
                new Scenario("both", true, true, false), new Scenario("both-joint-targeting", true, true, true));
    }


    /**
     * The effect parameters per draw: row 0 holds the point estimates, rows 1..draws independent
     * normal draws {@code N(mean, se^2)} of (first, second, synergy), row {@code d} from its own
     * generator seeded by {@code (seed, d)} so every engine gets the same values.
     *
     * @param seed the seed
     * @param draws number of draws, non-negative
     * @return {@code (draws + 1) x 3} effects
     */
    public double[][] effectDraws(long seed, int draws) {
        if (draws < 0) {
            throw new org.synergia.data.InputException("draws " + draws + " must be non-negative");
        }
        double[][] e = new double[draws + 1][];
        e[0] = new double[] {first.effect().mean(), second.effect().mean(), synergy.mean()};
        for (int d = 1; d <= draws; d++) {
            SplittableRandom rng = new SplittableRandom(HouseholdDraws.mix(seed, d, 7));
            e[d] = new double[] {first.effect().mean() + first.effect().se() * rng.nextGaussian(),
                    second.effect().mean() + second.effect().se() * rng.nextGaussian(),
                    synergy.mean() + synergy.se() * rng.nextGaussian()};
        }
        return e;
    }
}
