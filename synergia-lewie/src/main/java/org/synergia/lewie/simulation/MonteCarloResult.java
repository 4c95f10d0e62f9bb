package org.synergia.lewie.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/**
 * The point simulation and the Monte Carlo summaries of its statistics. Immutable. As an
 * {@link EstimationResult} (method {@code lewie}, {@code n} = draws) each statistic is a row with
 * the point estimate, the draws' SD as {@code se}, the 5th and 95th percentiles as the interval
 * (90%) and no p-value (NaN, printed as null).
 */
public final class MonteCarloResult implements EstimationResult {

    private final SimulationResult point;
    private final List<String> names;
    private final double[][] values;
    private final long seed;
    private final int redraws;
    private final Map<String, Summary> summaries;

    MonteCarloResult(SimulationResult point, List<String> names, double[][] values, long seed, int redraws) {
        this.point = point;
        this.names = List.copyOf(names);
        this.values = values;
        this.seed = seed;
        this.redraws = redraws;
        Map<String, Summary> s = new LinkedHashMap<>();
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (int j = 0; j < names.size(); j++) {
            double[] v = column(j);
            double mean = 0;
            for (double d : v) {
                mean += d;
            }
            mean /= v.length;
            double ss = 0;
            for (double d : v) {
                ss += (d - mean) * (d - mean);
            }
            percentile.setData(v);
            s.put(names.get(j), new Summary(point.statistics().get(names.get(j)), mean, Math.sqrt(ss / (v.length - 1)),
                    percentile.evaluate(5), percentile.evaluate(95)));
        }
        summaries = Collections.unmodifiableMap(s);
    }

    private double[] column(int j) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i][j];
        }
        return v;
    }

    /** @return the simulation at the parameters' point estimates */
    public SimulationResult point() {
        return point;
    }

    /** @return the summaries by statistic name (names as in {@link SimulationResult#statistics()}) */
    public Map<String, Summary> summaries() {
        return summaries;
    }

    /**
     * @param statistic a statistic's name
     * @return its value in each draw, in draw order
     * @throws IllegalArgumentException when there is no such statistic
     */
    public double[] draws(String statistic) {
        int j = names.indexOf(statistic);
        if (j < 0) {
            throw new IllegalArgumentException("no statistic '" + statistic + "'; known: " + names);
        }
        return column(j);
    }

    /** @return the number of draws */
    public int drawCount() {
        return values.length;
    }

    /** @return the seed of the draws */
    public long seed() {
        return seed;
    }

    /** @return how many draws were redrawn because they could not be calibrated or solved */
    public int redraws() {
        return redraws;
    }

    @Override
    public String method() {
        return "lewie";
    }

    @Override
    public List<Estimate> estimates() {
        List<Estimate> rows = new ArrayList<>();
        summaries.forEach((term, s) -> rows.add(new Estimate(term, s.estimate(), s.sd(), s.p5(), s.p95(), Double.NaN)));
        return rows;
    }

    @Override
    public int n() {
        return values.length;
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("draws", values.length);
        d.put("seed", seed);
        d.put("redraws", redraws);
        d.put("interval", "5th-95th percentiles of the draws (90%); se is their standard deviation");
        d.put("injection", point.scenario().injection());
        d.put("prices", point.regime().name().toLowerCase(Locale.ROOT));
        d.put("labour", point.labour().name().toLowerCase(Locale.ROOT));
        d.put("newton_iterations", point.simulated().iterations());
        d.put("residual", point.simulated().residual());
        return d;
    }

    @Override
    public List<String> warnings() {
        return redraws == 0 ? List.of() : List.of(redraws + " parameter draws could not be calibrated (accounts that"
                + " cannot close) or solved and were redrawn; the intervals condition on draws that calibrate and solve.");
    }
}
