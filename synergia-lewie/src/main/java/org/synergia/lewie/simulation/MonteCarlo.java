package org.synergia.lewie.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.synergia.data.InputException;
import org.synergia.lewie.model.Economy;
import org.synergia.lewie.params.LewieParameters;

/**
 * Monte Carlo confidence intervals for a LEWIE simulation (Taylor and Filipski 2014, ch. 6): the
 * parameters are drawn from their sampling distributions ({@link ParameterSampler}), the economy
 * is recalibrated and the scenario solved for each draw, and every statistic is summarised by its
 * mean, SD and 5th-95th percentiles. Draw {@code i} uses its own random stream seeded from the
 * {@code i}-th number of a {@link SplittableRandom} with the given seed, so results are the same
 * whatever the number of threads. A draw whose accounts cannot close is redrawn from its own
 * stream (counted in {@link MonteCarloResult#redraws()}). Immutable settings:
 * {@code MonteCarlo.withDefaults().withDraws(200).withSeed(1).withThreads(2)}.
 */
public final class MonteCarlo {

    private static final int MAX_REDRAWS = 100;

    private final int draws;
    private final long seed;
    private final int threads;
    private final Simulator simulator;

    private MonteCarlo(int draws, long seed, int threads, Simulator simulator) {
        this.draws = draws;
        this.seed = seed;
        this.threads = threads;
        this.simulator = simulator;
    }

    /** @return 200 draws, seed 20171, all cores, the default simulator */
    public static MonteCarlo withDefaults() {
        return new MonteCarlo(200, 20171, Runtime.getRuntime().availableProcessors(), Simulator.withDefaults());
    }

    /**
     * @param newDraws the number of parameter draws, at least 2
     * @return these settings with that number of draws
     */
    public MonteCarlo withDraws(int newDraws) {
        if (newDraws < 2) {
            throw new InputException("Monte Carlo needs at least 2 draws (got " + newDraws + ")");
        }
        return new MonteCarlo(newDraws, seed, threads, simulator);
    }

    /**
     * @param newSeed the seed of the draws
     * @return these settings with that seed
     */
    public MonteCarlo withSeed(long newSeed) {
        return new MonteCarlo(draws, newSeed, threads, simulator);
    }

    /**
     * @param newThreads worker threads, at least 1
     * @return these settings with that many threads
     */
    public MonteCarlo withThreads(int newThreads) {
        return new MonteCarlo(draws, seed, Math.max(1, newThreads), simulator);
    }

    /**
     * @param newSimulator the simulator run on each draw (regime, labour supply, solver)
     * @return these settings with that simulator
     */
    public MonteCarlo withSimulator(Simulator newSimulator) {
        return new MonteCarlo(draws, seed, threads, newSimulator);
    }

    /**
     * Runs the point estimate and the draws.
     *
     * @param parameters the point estimates with their standard errors
     * @param scenario the scenario
     * @param listener progress receiver (called after each draw, from worker threads)
     * @return the point result and the summaries
     * @throws InputException when the point estimates do not calibrate or the model does not converge
     */
    public MonteCarloResult run(LewieParameters parameters, Scenario scenario, ProgressListener listener) {
        SimulationResult point = simulator.simulate(Economy.calibrate(parameters), scenario);
        List<String> names = new ArrayList<>(point.statistics().keySet());
        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[draws];
        for (int i = 0; i < draws; i++) {
            seeds[i] = master.nextLong();
        }
        double[][] values = new double[draws][];
        int[] redraws = new int[draws];
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, draws).parallel().forEach(i -> {
                SplittableRandom rng = new SplittableRandom(seeds[i]);
                InputException last = null;
                for (int attempt = 0; attempt <= MAX_REDRAWS; attempt++) {
                    try {
                        LewieParameters drawn = ParameterSampler.draw(parameters, rng);
                        Map<String, Double> s = simulator.simulate(Economy.calibrate(drawn), scenario).statistics();
                        double[] row = new double[names.size()];
                        for (int j = 0; j < row.length; j++) {
                            row[j] = s.get(names.get(j));
                        }
                        values[i] = row;
                        redraws[i] = attempt;
                        listener.progress(done.incrementAndGet(), draws);
                        return;
                    } catch (InputException e) {
                        last = e;
                    }
                }
                throw new InputException("Monte Carlo draw " + (i + 1) + " failed " + (MAX_REDRAWS + 1)
                        + " times; last failure: " + last.getMessage() + " (are the standard errors too large?)", last);
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Monte Carlo interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        int totalRedraws = 0;
        for (int r : redraws) {
            totalRedraws += r;
        }
        return new MonteCarloResult(point, names, values, seed, totalRedraws);
    }
}
