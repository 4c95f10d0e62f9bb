package org.synergia.measures.power;

/**
 * A comparison of arm means a study is powered for. Arms are ordered as in {@link ArmLayout}:
 * two-arm (control, treatment); factorial (control, A only, B only, A+B).
 */
public enum Contrast {
    /** Two-arm design: treatment minus control. */
    TREATMENT(ArmLayout.TWO_ARM, -1, 1),
    /** Factorial: A only minus control. */
    A_VS_CONTROL(ArmLayout.FACTORIAL, -1, 1, 0, 0),
    /** Factorial: B only minus control. */
    B_VS_CONTROL(ArmLayout.FACTORIAL, -1, 0, 1, 0),
    /** Factorial: A+B minus control. */
    COMBINED_VS_CONTROL(ArmLayout.FACTORIAL, -1, 0, 0, 1),
    /** Factorial: the synergy (interaction), (A+B - A) - (B - control). */
    SYNERGY(ArmLayout.FACTORIAL, 1, -1, -1, 1);

    private final ArmLayout layout;
    private final double[] coefficients;

    Contrast(ArmLayout layout, double... coefficients) {
        this.layout = layout;
        this.coefficients = coefficients;
    }

    /** @return the arm layout this contrast belongs to */
    public ArmLayout layout() {
        return layout;
    }

    /** @return a copy of the contrast's coefficients on the arm means */
    public double[] coefficients() {
        return coefficients.clone();
    }
}
