package org.synergia.lewie.solve;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Newton's method with a backtracking line search on the merit function {@code ||F||^2 / 2}
 * (Dennis and Schnabel 1996, <i>Numerical Methods for Unconstrained Optimization and Nonlinear
 * Equations</i>, alg. 6.3.5, Armijo condition), with a central-difference Jacobian. Immutable.
 */
public final class NewtonSolver {

    private static final NewtonSolver DEFAULTS = new NewtonSolver(1e-12, 100);
    private static final double ARMIJO = 1e-4;
    private static final double MIN_STEP = 1e-10;

    private final double tolerance;
    private final int maxIterations;

    private NewtonSolver(double tolerance, int maxIterations) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** @return a solver stopping at a largest absolute residual of 1e-12, after at most 100 iterations */
    public static NewtonSolver withDefaults() {
        return DEFAULTS;
    }

    /**
     * @param newTolerance the largest absolute residual accepted as a solution
     * @return a solver with that tolerance
     */
    public NewtonSolver withTolerance(double newTolerance) {
        return new NewtonSolver(newTolerance, maxIterations);
    }

    /**
     * @param newMaxIterations the largest number of Newton iterations
     * @return a solver with that limit
     */
    public NewtonSolver withMaxIterations(int newMaxIterations) {
        return new NewtonSolver(tolerance, newMaxIterations);
    }

    /**
     * The outcome of a solve.
     *
     * @param x the unknowns at the last iterate
     * @param iterations the Newton iterations taken
     * @param residual the largest absolute residual at {@code x}
     * @param converged whether the residual reached the tolerance
     */
    public record Solution(double[] x, int iterations, double residual, boolean converged) {
    }

    /**
     * Solves {@code F(x) = 0} from a starting point.
     *
     * @param system the equations
     * @param start the starting point (inside the domain)
     * @return the last iterate; check {@link Solution#converged()}
     * @throws IllegalArgumentException when the starting point is outside the domain
     */
    public Solution solve(SquareSystem system, double[] start) {
        int n = system.dimension();
        double[] x = start.clone();
        double[] r = new double[n];
        if (!system.evaluate(x, r)) {
            throw new IllegalArgumentException("the starting point is outside the domain of the equations");
        }
        double norm = maxAbs(r);
        double[] trial = new double[n];
        double[] rTrial = new double[n];
        int it = 0;
        while (norm > tolerance && it < maxIterations) {
            it++;
            double[][] jac = jacobian(system, x, r);
            DecompositionSolver lu = new LUDecomposition(new Array2DRowRealMatrix(jac, false), 1e-14).getSolver();
            if (!lu.isNonSingular()) {
                break;
            }
            RealVector step = lu.solve(new ArrayRealVector(r, false));
            double merit = 0.5 * dot(r, r);
            double t = 1;
            boolean accepted = false;
            while (t >= MIN_STEP) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] - t * step.getEntry(i);
                }
                if (system.evaluate(trial, rTrial)) {
                    double trialMerit = 0.5 * dot(rTrial, rTrial);
                    // the Newton direction's directional derivative of the merit is -2 * merit
                    if (trialMerit <= (1 - 2 * ARMIJO * t) * merit || maxAbs(rTrial) <= tolerance) {
                        accepted = true;
                        break;
                    }
                }
                t *= 0.5;
            }
            if (!accepted) {
                break;
            }
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(rTrial, 0, r, 0, n);
            norm = maxAbs(r);
        }
        return new Solution(x, it, norm, norm <= tolerance);
    }

    private static double[][] jacobian(SquareSystem system, double[] x, double[] r) {
        int n = x.length;
        double[][] jac = new double[n][n];
        double[] xp = x.clone();
        double[] rp = new double[n];
        double[] rm = new double[n];
        for (int j = 0; j < n; j++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[j]));
            xp[j] = x[j] + h;
            boolean plus = system.evaluate(xp, rp);
            xp[j] = x[j] - h;
            boolean minus = system.evaluate(xp, rm);
            xp[j] = x[j];
            for (int i = 0; i < n; i++) {
                if (plus && minus) {
                    jac[i][j] = (rp[i] - rm[i]) / (2 * h);
                } else if (plus) {
                    jac[i][j] = (rp[i] - r[i]) / h;
                } else if (minus) {
                    jac[i][j] = (r[i] - rm[i]) / h;
                } else {
                    jac[i][j] = 0; // no neighbour in the domain: LU reports the matrix singular
                }
            }
        }
        return jac;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d)); // NaN propagates
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
