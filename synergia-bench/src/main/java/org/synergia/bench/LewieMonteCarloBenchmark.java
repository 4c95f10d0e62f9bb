package org.synergia.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.ParameterFile;
import org.synergia.lewie.simulation.LabourSupply;
import org.synergia.lewie.simulation.MonteCarlo;
import org.synergia.lewie.simulation.MonteCarloResult;
import org.synergia.lewie.simulation.ProgressListener;
import org.synergia.lewie.simulation.Scenario;
import org.synergia.lewie.simulation.Simulator;

/**
 * LEWIE Monte Carlo: 200 parameter draws of the bundled Lesotho-like example (4 groups, 8 goods),
 * each recalibrated and solved, on a given number of threads. Run by hand (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class LewieMonteCarloBenchmark {

    @Param({"1", "2"})
    private int threads;

    @Param({"ELASTIC", "CONSTRAINED"})
    private LabourSupply labour;

    private final LewieParameters lesotho = ParameterFile.lesothoExample();
    private final Scenario cgp = Scenario.none().withTransfer("eligible_treated", 1_000_000);

    /** @return the Monte Carlo result (consumed by JMH) */
    @Benchmark
    public MonteCarloResult draws200() {
        return MonteCarlo.withDefaults().withDraws(200).withSeed(1).withThreads(threads)
                .withSimulator(Simulator.withDefaults().withLabour(labour)).run(lesotho, cgp, ProgressListener.NONE);
    }
}
