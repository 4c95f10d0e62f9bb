package org.synergia.lewie.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NewtonSolverTest {

    /** Wallis's cubic x^3 - 2x - 5 = 0; root 2.0945514815423265 (Wolfram Alpha, 16 digits). */
    @Test
    void solvesWallisCubicFromAfar() {
        SquareSystem cubic = new SquareSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public boolean evaluate(double[] x, double[] r) {
                r[0] = x[0] * x[0] * x[0] - 2 * x[0] - 5;
                return true;
            }
        };
        NewtonSolver.Solution s = NewtonSolver.withDefaults().solve(cubic, new double[] {10});
        assertTrue(s.converged());
        assertEquals(2.0945514815423265, s.x()[0], 1e-13);
    }

    /** The line search shortens steps that leave the domain (here x > 0 for log x). */
    @Test
    void staysInsideTheDomain() {
        SquareSystem log = new SquareSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public boolean evaluate(double[] x, double[] r) {
                if (x[0] <= 0) {
                    return false;
                }
                r[0] = Math.log(x[0]) - 2;
                r[1] = x[1] + x[0] * x[0] - 1;
                return true;
            }
        };
        NewtonSolver.Solution s = NewtonSolver.withDefaults().solve(log, new double[] {0.01, 0});
        assertTrue(s.converged());
        assertEquals(Math.exp(2), s.x()[0], 1e-10);
        assertEquals(1 - Math.exp(4), s.x()[1], 1e-8);
    }

    /** x^2 + 1 = 0 has no real root: the solver says so instead of returning a wrong answer. */
    @Test
    void reportsFailure() {
        SquareSystem none = new SquareSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public boolean evaluate(double[] x, double[] r) {
                r[0] = x[0] * x[0] + 1;
                return true;
            }
        };
        NewtonSolver.Solution s = NewtonSolver.withDefaults().withMaxIterations(50).solve(none, new double[] {3});
        assertFalse(s.converged());
        assertTrue(s.residual() >= 1);
    }
}
