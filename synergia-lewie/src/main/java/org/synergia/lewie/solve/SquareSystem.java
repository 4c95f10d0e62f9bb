package org.synergia.lewie.solve;

/** A square system of nonlinear equations {@code F(x) = 0}, with as many equations as unknowns. */
public interface SquareSystem {

    /** @return the number of unknowns and of equations */
    int dimension();

    /**
     * Evaluates the residuals.
     *
     * @param x the unknowns
     * @param residual receives {@code F(x)}
     * @return false when {@code x} lies outside the domain of {@code F} (a non-positive value-added
     *     price, for example); the solver then shortens its step
     */
    boolean evaluate(double[] x, double[] residual);
}
