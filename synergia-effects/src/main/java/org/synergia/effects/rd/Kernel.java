package org.synergia.effects.rd;

/**
 * Kernel functions for local polynomial regression discontinuity estimation, each supported on
 * {@code |u| <= 1} (Calonico, Cattaneo and Titiunik 2014, section 2).
 */
public enum Kernel {
    /** {@code K(u) = (1 - |u|)}; the default, MSE-optimal for boundary estimation. */
    TRIANGULAR(2.576),
    /** {@code K(u) = 0.75 (1 - u^2)}. */
    EPANECHNIKOV(2.34),
    /** {@code K(u) = 0.5}. */
    UNIFORM(1.843);

    private final double pilotConstant;

    Kernel(double pilotConstant) {
        this.pilotConstant = pilotConstant;
    }

    /**
     * The kernel at {@code u}, zero outside the support. Triangular and Epanechnikov vanish at
     * {@code |u| = 1}; the uniform kernel includes the end points.
     *
     * @param u the scaled distance {@code (x - c) / h}
     * @return {@code K(u)}
     */
    public double weight(double u) {
        double a = Math.abs(u);
        return switch (this) {
            case TRIANGULAR -> a < 1 ? 1 - a : 0;
            case EPANECHNIKOV -> a < 1 ? 0.75 * (1 - a * a) : 0;
            case UNIFORM -> a <= 1 ? 0.5 : 0;
        };
    }

    /** @return true when the kernel is positive at {@code |u| = 1} (only the uniform kernel) */
    boolean includesBoundary() {
        return this == UNIFORM;
    }

    /**
     * The constant of the rule-of-thumb pilot bandwidth {@code C_K min(sd, IQR/1.349) n^(-1/5)}
     * (Silverman's rule rescaled to the kernel's canonical bandwidth).
     *
     * @return {@code C_K}
     */
    double pilotConstant() {
        return pilotConstant;
    }
}
