package org.synergia.lewie.model;

/** How prices are determined in a simulation. */
public enum PriceRegime {
    /**
     * General equilibrium: local goods' prices and hired factors' wages (finite supply
     * elasticity) adjust to clear their markets; fixed factors earn endogenous rents.
     */
    FLEXIBLE,
    /**
     * Perfectly elastic supply of every good and factor: all prices stay at one, output of
     * each local good follows demand and is shared among its producers in baseline proportions,
     * and inputs per unit of output stay at their baseline (productivity shocks reduce them).
     * This is the fixed-price social accounting matrix multiplier model.
     */
    FIXED
}
