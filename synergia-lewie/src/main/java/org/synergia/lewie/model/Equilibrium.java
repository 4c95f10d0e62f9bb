package org.synergia.lewie.model;

/**
 * A solved state of the economy: prices, wages, output, factor use, incomes and consumption.
 * Immutable; values are read by index (see {@link Economy} for the indices).
 */
public final class Equilibrium {

    private final double[][] price;
    private final double[][] wage;
    private final double[] output;
    private final double[][] factorUse;
    private final double[] income;
    private final double[] cpi;
    private final double[][] consumption;
    private final double[] shadowPrice;
    private final double[] netSurplus;
    private final int iterations;
    private final double residual;

    Equilibrium(double[][] price, double[][] wage, double[] output, double[][] factorUse, double[] income,
            double[] cpi, double[][] consumption, double[] shadowPrice, double[] netSurplus, int iterations,
            double residual) {
        this.price = price;
        this.wage = wage;
        this.output = output;
        this.factorUse = factorUse;
        this.income = income;
        this.cpi = cpi;
        this.consumption = consumption;
        this.shadowPrice = shadowPrice;
        this.netSurplus = netSurplus;
        this.iterations = iterations;
        this.residual = residual;
    }

    /**
     * @param g a good
     * @param v a village
     * @return the good's price in the village
     */
    public double price(int g, int v) {
        return price[g][v];
    }

    /**
     * @param f a factor
     * @param v a village
     * @return the factor's wage in the village (1 for fixed factors, whose rents are in the owners' income)
     */
    public double wage(int f, int v) {
        return wage[f][v];
    }

    /**
     * @param k an activity
     * @return its output (quantity; value at baseline prices)
     */
    public double output(int k) {
        return output[k];
    }

    /**
     * @param k an activity
     * @param f a factor
     * @return the activity's use of the factor
     */
    public double factorUse(int k, int f) {
        return factorUse[k][f];
    }

    /**
     * @param h a group
     * @return its nominal income, transfers included
     */
    public double income(int h) {
        return income[h];
    }

    /**
     * @param h a group
     * @return its consumer price index (baseline budget-share weights; 1 at the baseline)
     */
    public double cpi(int h) {
        return cpi[h];
    }

    /**
     * @param h a group
     * @param g a good
     * @return the group's consumption of the good (quantity)
     */
    public double consumption(int h, int g) {
        return consumption[h][g];
    }

    /**
     * @param k an activity
     * @return the shadow price of its liquidity constraint (0 when it has none or it does not bind)
     */
    public double shadowPrice(int k) {
        return shadowPrice[k];
    }

    /**
     * @param g a good
     * @return the local economy's net surplus (exports minus imports) of the good, all villages together
     */
    public double netSurplus(int g) {
        return netSurplus[g];
    }

    /** @return Newton iterations used to reach this state */
    public int iterations() {
        return iterations;
    }

    /** @return the largest scaled residual of the market-clearing equations at this state */
    public double residual() {
        return residual;
    }
}
