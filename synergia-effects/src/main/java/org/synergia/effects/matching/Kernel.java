package org.synergia.effects.matching;

/** Kernels for kernel matching on a score; {@code u} is the score distance over the bandwidth. */
public enum Kernel {
    /** {@code K(u) = 3/4 (1 - u^2)} for {@code |u| <= 1}, else 0. */
    EPANECHNIKOV,
    /** {@code K(u) = exp(-u^2 / 2) / sqrt(2 pi)}, evaluated for {@code |u| <= 8} (beyond, below 1e-14 of the peak). */
    GAUSSIAN;

    /** Half-width, in bandwidths, of the window outside which the kernel is taken as zero. */
    double reach() {
        return this == EPANECHNIKOV ? 1 : 8;
    }

    /**
     * @param u distance over bandwidth
     * @return the kernel's value
     */
    double at(double u) {
        if (this == EPANECHNIKOV) {
            return Math.abs(u) <= 1 ? 0.75 * (1 - u * u) : 0;
        }
        return Math.abs(u) <= 8 ? Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI) : 0;
    }
}
