package org.synergia.measures.poverty;

import org.synergia.data.InputException;

/**
 * Streaming, mergeable sums for the weighted Theil index (Theil 1967; GE(1) in Shorrocks 1980):
 * {@code T = (1/W) sum w_i (y_i/mu) ln(y_i/mu) = sum w y ln y / sum w y - ln mu}, so three sums
 * suffice. Incomes must be non-negative; zero incomes contribute {@code 0 ln 0 = 0}.
 */
public final class TheilAccumulator {

    private double weight;
    private double income;
    private double incomeLogIncome;

    /**
     * @param y the row's income (non-negative)
     * @param w the row's weight
     * @return this accumulator
     */
    public TheilAccumulator add(double y, double w) {
        if (y < 0) {
            throw new InputException("the Theil index needs non-negative incomes, got " + y
                    + ": shift or drop negative incomes first");
        }
        weight += w;
        income += w * y;
        if (y > 0) {
            incomeLogIncome += w * y * Math.log(y);
        }
        return this;
    }

    /**
     * @param other partial sums over other rows
     * @return this accumulator
     */
    public TheilAccumulator combine(TheilAccumulator other) {
        weight += other.weight;
        income += other.income;
        incomeLogIncome += other.incomeLogIncome;
        return this;
    }

    /** @return the Theil index of the rows added so far */
    public double theil() {
        if (!(income > 0)) {
            throw new InputException("the Theil index is undefined when total income is zero");
        }
        double mu = income / weight;
        return incomeLogIncome / income - Math.log(mu);
    }
}
