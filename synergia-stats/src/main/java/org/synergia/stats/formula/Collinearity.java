package org.synergia.stats.formula;

/** What a model matrix does with a column that is a linear combination of earlier columns. */
public enum Collinearity {
    /**
     * Drop it and say so in a warning, as Stata does ("omitted because of collinearity") and as R
     * does by reporting an {@code NA} coefficient. The default.
     */
    DROP,
    /** Refuse the model with an {@link org.synergia.data.InputException} naming the column. */
    REFUSE
}
