package org.synergia.lewie.simulation;

/** The supply of hired factors (labour) in a simulation. */
public enum LabourSupply {
    /** Each hired factor's own elasticity from the parameters (perfectly elastic by default). */
    ELASTIC,
    /** Every hired factor at the parameters' constrained elasticity (low): the labour-constrained scenario. */
    CONSTRAINED
}
