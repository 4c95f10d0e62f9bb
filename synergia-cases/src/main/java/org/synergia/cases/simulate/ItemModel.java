package org.synergia.cases.simulate;

import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.synergia.cases.spec.InstrumentItems;
import org.synergia.cases.spec.OutcomeSpec.Indicator;

/**
 * How simulated households answer the items of a standard instrument, given their latent
 * well-being θ (higher is better off), and the expected indicator value at a given θ. Expected
 * values are what planted effects are measured on: the truth of a contrast is the average
 * difference of expected indicator values between two latent states of the same households.
 *
 * <p>Item models: food-group days and coping-strategy days are Binomial(7, p), food groups eaten
 * and experience items are Bernoulli(p), with p logistic in θ plus an item difficulty; HFIAS
 * frequency given occurrence is an ordered logit in θ; livestock counts are Poisson with a mean
 * log-linear in θ. Every indicator is a linear function of the items, so its expectation is exact.
 */
public enum ItemModel {

    /** WFP Food Consumption Score: days (0–7) for nine food groups, weighted. */
    FCS(Indicator.FCS, Kind.DAYS,
            new double[] {3.0, -0.3, -1.0, -0.8, 0.8, -0.8, 1.5, 1.0, 1.5},
            new double[] {2, 3, 4, 4, 1, 1, 0.5, 0.5, 0}, 1),
    /** Household Dietary Diversity Score: twelve food groups eaten in the last 24 hours. */
    HDDS(Indicator.HDDS, Kind.YES_NO,
            new double[] {3.0, 0.5, 1.0, -0.8, -1.0, -1.5, -1.5, 0.0, -1.0, 1.0, 0.8, 1.5},
            new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 1),
    /** Household Food Insecurity Access Scale: nine occurrence questions, each with a frequency 1–3. */
    HFIAS(Indicator.HFIAS, Kind.OCCURRENCE_FREQUENCY,
            new double[] {1.0, 0.6, 0.3, 0.0, -0.4, -0.8, -1.6, -2.2, -3.0},
            new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, -1),
    /** Food Insecurity Experience Scale: eight yes/no items (raw score). */
    FIES(Indicator.FIES, Kind.YES_NO,
            new double[] {1.5, 1.0, 0.8, 0.0, -0.2, -0.8, -1.5, -2.5},
            new double[] {1, 1, 1, 1, 1, 1, 1, 1}, -1),
    /** Reduced Coping Strategies Index: days (0–7) of five strategies, weighted 1, 2, 1, 1, 3. */
    RCSI(Indicator.RCSI, Kind.DAYS,
            new double[] {0.0, -1.0, -0.5, -0.8, -1.5},
            new double[] {1, 2, 1, 1, 3}, -1),
    /** Tropical Livestock Units: head counts by species, weighted. */
    TLU(Indicator.TLU, Kind.COUNT,
            new double[] {Math.log(1.2), Math.log(2.0), Math.log(3.0), Math.log(0.5), Math.log(0.4), Math.log(6.0)},
            new double[] {0.7, 0.1, 0.1, 0.2, 0.5, 0.01}, 1);

    private enum Kind { DAYS, YES_NO, OCCURRENCE_FREQUENCY, COUNT }

    /** Cut points of the ordered logit of HFIAS frequency (rarely | sometimes | often). */
    private static final double[] FREQUENCY_CUTS = {0.0, 1.5};
    /** How strongly livestock counts respond to θ (log-mean per unit). */
    private static final double COUNT_SLOPE = 0.5;

    private final Indicator indicator;
    private final Kind kind;
    private final List<String> items;
    private final double[] difficulty;
    private final double[] weight;
    private final int direction;

    ItemModel(Indicator indicator, Kind kind, double[] difficulty, double[] weight, int direction) {
        this.indicator = indicator;
        this.kind = kind;
        this.items = InstrumentItems.of(indicator);
        this.difficulty = difficulty;
        this.weight = weight;
        this.direction = direction;
    }

    /**
     * @param indicator an indicator
     * @return its item model
     * @throws IllegalArgumentException when the simulator has no item model for it
     */
    public static ItemModel of(Indicator indicator) {
        for (ItemModel m : values()) {
            if (m.indicator == indicator) {
                return m;
            }
        }
        throw new IllegalArgumentException("no simulated item model for " + indicator);
    }

    /** @return the indicator the items make */
    public Indicator indicator() {
        return indicator;
    }

    /** @return the item columns the indicator is computed from, in instrument order */
    public List<String> items() {
        return items;
    }

    /**
     * The expected indicator value of a household with latent well-being θ.
     *
     * @param theta latent well-being
     * @return the expected indicator value
     */
    public double expected(double theta) {
        double sum = 0;
        for (int k = 0; k < items.size(); k++) {
            sum += weight[k] * expectedItem(k, theta);
        }
        return sum;
    }

    private double expectedItem(int k, double theta) {
        double p = logistic(difficulty[k] + direction * theta);
        return switch (kind) {
            case DAYS -> 7 * p;
            case YES_NO -> p;
            case OCCURRENCE_FREQUENCY -> p * expectedFrequency(theta);
            case COUNT -> Math.exp(difficulty[k] + COUNT_SLOPE * theta);
        };
    }

    private static double expectedFrequency(double theta) {
        // P(f >= 2) and P(f >= 3) from the ordered logit in the severity -θ
        return 1 + logistic(-theta - FREQUENCY_CUTS[0]) + logistic(-theta - FREQUENCY_CUTS[1]);
    }

    /**
     * Draws one household's answers.
     *
     * @param theta latent well-being
     * @param random the random source
     * @param out where the answers go: one value per item (for HFIAS the frequency 0–3, 0 when the event did not
     *        occur, then the occurrence 0/1 of each item)
     */
    void draw(double theta, RandomDataGenerator random, double[] out) {
        int m = items.size();
        for (int k = 0; k < m; k++) {
            double p = logistic(difficulty[k] + direction * theta);
            switch (kind) {
                case DAYS -> {
                    int days = 0;
                    for (int d = 0; d < 7; d++) {
                        days += random.nextDouble() < p ? 1 : 0;
                    }
                    out[k] = days;
                }
                case YES_NO -> out[k] = random.nextDouble() < p ? 1 : 0;
                case OCCURRENCE_FREQUENCY -> {
                    boolean occurred = random.nextDouble() < p;
                    out[m + k] = occurred ? 1 : 0;
                    int f = 0;
                    if (occurred) {
                        f = 1 + (random.nextDouble() < logistic(-theta - FREQUENCY_CUTS[0]) ? 1 : 0);
                        if (f == 2 && random.nextDouble() < logistic(-theta - FREQUENCY_CUTS[1]) / logistic(-theta - FREQUENCY_CUTS[0])) {
                            f = 3;
                        }
                    }
                    out[k] = f;
                }
                case COUNT -> out[k] = random.nextPoisson(Math.exp(difficulty[k] + COUNT_SLOPE * theta));
            }
        }
    }

    /** @return how many values {@link #draw} writes */
    int width() {
        return kind == Kind.OCCURRENCE_FREQUENCY ? 2 * items.size() : items.size();
    }

    /** @return the column name of each value {@link #draw} writes */
    List<String> columns() {
        if (kind != Kind.OCCURRENCE_FREQUENCY) {
            return items;
        }
        return java.util.stream.Stream.concat(items.stream(), items.stream().map(InstrumentItems::occurrenceOf)).toList();
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
