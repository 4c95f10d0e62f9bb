package org.synergia.microsim;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of a microsimulation: the baseline, and per scenario each statistic at the point
 * estimates of the effects with its mean, SD and 5th/95th percentiles over the draws.
 *
 * @param povertyLine the poverty line
 * @param persons the population in persons (sum of weight x size)
 * @param baselineFgt0 baseline headcount ratio
 * @param baselineFgt1 baseline poverty gap index
 * @param baselineFgt2 baseline squared poverty gap
 * @param baselineGini baseline Gini (streaming grid)
 * @param draws number of effect draws
 * @param seed the seed
 * @param simulatedData whether the inputs are simulated (results must be labelled so)
 * @param scenarios per-scenario results
 */
public record MicrosimResult(double povertyLine, double persons, double baselineFgt0, double baselineFgt1,
        double baselineFgt2, double baselineGini, int draws, long seed, boolean simulatedData,
        List<ScenarioResult> scenarios) {

    /** Copies the list. */
    public MicrosimResult {
        scenarios = List.copyOf(scenarios);
    }

    /**
     * @param name a scenario name
     * @return that scenario's result
     */
    public ScenarioResult scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
    }

    /**
     * One scenario's results.
     *
     * @param name scenario name
     * @param cost annual cost
     * @param personsReached persons in households reached by at least one programme
     * @param statistics the statistics
     * @param giniErrorBound the largest bound on the streaming Gini's error over the draws
     */
    public record ScenarioResult(String name, double cost, double personsReached, List<Statistic> statistics,
            double giniErrorBound) {

        /** Copies the list. */
        public ScenarioResult {
            statistics = List.copyOf(statistics);
        }

        /**
         * @param statistic a statistic name, e.g. {@code FGT0} or {@code incidence[3]}
         * @return that statistic
         */
        public Statistic get(String statistic) {
            return statistics.stream().filter(s -> s.name().equals(statistic)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no statistic " + statistic));
        }
    }

    /**
     * A statistic at the point estimates and over the draws.
     *
     * @param name name
     * @param estimate value at the point estimates
     * @param mean mean over draws (the estimate when there are none)
     * @param sd standard deviation over draws (n - 1)
     * @param p5 5th percentile over draws
     * @param p95 95th percentile over draws
     */
    public record Statistic(String name, double estimate, double mean, double sd, double p5, double p95) {

        /**
         * @param name the name
         * @param values value at the point estimates (index 0) then one per draw
         * @return the summary (percentiles by linear interpolation, Hyndman &amp; Fan 1996 type 7)
         */
        static Statistic of(String name, double[] values) {
            int n = values.length - 1;
            if (n == 0) {
                return new Statistic(name, values[0], values[0], 0, values[0], values[0]);
            }
            double[] d = Arrays.copyOfRange(values, 1, values.length);
            Arrays.sort(d);
            if (d[0] == d[n - 1]) {
                return new Statistic(name, values[0], d[0], 0, d[0], d[0]);
            }
            double mean = 0;
            for (double x : d) {
                mean += x;
            }
            mean /= n;
            double ss = 0;
            for (double x : d) {
                ss += (x - mean) * (x - mean);
            }
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            if (Double.isNaN(sd)) {
                sd = Double.POSITIVE_INFINITY;
            }
            return new Statistic(name, values[0], mean, sd, quantile(d, 0.05), quantile(d, 0.95));
        }

        private static double quantile(double[] sorted, double p) {
            double h = (sorted.length - 1) * p;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, sorted.length - 1);
            if (h == lo || sorted[hi] == sorted[lo]) {
                return sorted[lo];
            }
            return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
    }
}
