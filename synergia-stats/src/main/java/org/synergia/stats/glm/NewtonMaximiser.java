package org.synergia.stats.glm;

import java.util.function.IntFunction;
import org.synergia.data.InputException;
import org.synergia.stats.linalg.Cholesky;

/**
 * Maximises a concave log-likelihood by Newton–Raphson steps {@code Δ = I⁻¹ g} with step halving
 * whenever the log-likelihood falls (Nocedal &amp; Wright 2006, §3.1 and §3.5). Two stopping rules:
 * full convergence (Newton decrement {@code gᵀI⁻¹g < 1e-20}, then the final step is taken) or R
 * {@code glm}'s relative change in deviance {@code |D_k - D_{k-1}| / (|D_k| + 0.1) < ε}.
 */
final class NewtonMaximiser {

    /** The log-likelihood with its score and information at a point. */
    interface Objective {
        NewtonAccumulator at(double[] beta);
    }

    /** Builds the exception for a failure to converge. */
    interface Failure {
        InputException at(double[] beta, double[] lastStep, int iterations);
    }

    /** Where the maximiser stopped, with the objective evaluated there (its last evaluation). */
    record Outcome(double[] beta, int iterations, NewtonAccumulator last) {
    }

    private NewtonMaximiser() {
    }

    /**
     * @param f the objective
     * @param start the starting point (counted as the first iteration, as in R)
     * @param saturated the saturated log-likelihood, so that {@code D = 2 (saturated - ℓ)}
     * @param startDeviance the deviance before the start (R's {@code devold})
     * @param devianceTolerance R's ε, or 0 for full convergence
     * @param maxIterations the iteration limit
     * @param collinear the exception for a singular information at the start, given the column
     * @param failure the exception for any other failure
     * @return the maximiser
     */
    static Outcome maximise(Objective f, double[] start, double saturated, double startDeviance, double devianceTolerance,
            int maxIterations, IntFunction<InputException> collinear, Failure failure) {
        int p = start.length;
        double[] beta = start.clone();
        NewtonAccumulator acc = f.at(beta);
        int iterations = 1;
        double previousDeviance = startDeviance;
        double[] step = null;
        double[] previous = null;
        double previousLl = Double.NEGATIVE_INFINITY;
        int halvings = 0;
        while (true) {
            if (!Double.isFinite(acc.logLikelihood) || acc.logLikelihood < previousLl - 1e-12 * Math.abs(previousLl)) {
                if (previous == null || halvings >= 50) {
                    throw failure.at(beta, step, iterations);
                }
                halvings++;
                for (int j = 0; j < p; j++) {
                    step[j] *= 0.5;
                    beta[j] = previous[j] + step[j];
                }
                acc = f.at(beta);
                continue;
            }
            halvings = 0;
            double dev = 2 * (saturated - acc.logLikelihood);
            if (devianceTolerance > 0 && Math.abs(dev - previousDeviance) / (Math.abs(dev) + 0.1) < devianceTolerance) {
                return new Outcome(beta, iterations, acc);
            }
            previousDeviance = dev;
            Cholesky chol = Cholesky.of(acc.informationMatrix());
            if (!chol.isPositiveDefinite()) {
                throw previous == null ? collinear.apply(chol.collinearColumn()) : failure.at(beta, step, iterations);
            }
            step = chol.solve(acc.score);
            double decrement = 0;
            for (int j = 0; j < p; j++) {
                decrement += step[j] * acc.score[j];
            }
            if (iterations >= maxIterations) {
                throw failure.at(beta, step, iterations);
            }
            previous = beta.clone();
            previousLl = acc.logLikelihood;
            for (int j = 0; j < p; j++) {
                beta[j] += step[j];
            }
            iterations++;
            acc = f.at(beta);
            // the decrement is in χ² units, ((β - β̂)/SE)²: 1e-20 means an error of 1e-10 standard errors before
            // this last step; "stalled" catches rounding noise in the score on very large data
            boolean stalled = decrement < 1e-12 && acc.logLikelihood - previousLl <= 1e-15 * Math.abs(previousLl);
            if (devianceTolerance <= 0 && (decrement < 1e-20 || stalled) && Double.isFinite(acc.logLikelihood)) {
                return new Outcome(beta, iterations, acc);
            }
        }
    }
}
