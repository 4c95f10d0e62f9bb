package org.synergia.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.synergia.data.Dataset;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The base of every {@code synergia estimate METHOD} subcommand: reads {@code --data FILE} with
 * {@link DatasetReaders}, calls {@link #estimate(Dataset)} and prints the result as text or as the
 * JSON result document, warnings going to stderr unless {@code --quiet}. A subclass declares its
 * own options; it mixes in {@link WeightsOption}/{@link ClusterOption} when it supports sampling
 * weights or cluster-robust variance, and {@link RefusedOptions.Weights}/{@link RefusedOptions.Cluster}
 * when it does not.
 */
public abstract class EstimateMethodCommand implements Callable<Integer> {

    /** The global options (format, seed, threads, quiet). */
    @Mixin
    protected GlobalOptions global;

    /** The command as picocli sees it. */
    @Spec
    protected CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "the data file: .csv, .tsv, .txt, .dta, .sav, .zsav or .parquet")
    private Path data;

    /**
     * Runs the estimator on the data.
     *
     * @param dataset the data read from {@code --data}
     * @return the result
     * @throws org.synergia.data.InputException when the data or the options do not allow estimation
     */
    protected abstract EstimationResult estimate(Dataset dataset);

    /** @return the {@code --data} file */
    protected Path dataFile() {
        return data;
    }

    @Override
    public Integer call() {
        Dataset dataset = DatasetReaders.read(data);
        EstimationResult result = estimate(dataset);
        PrintWriter err = spec.commandLine().getErr();
        if (!global.quiet()) {
            for (String w : result.warnings()) {
                err.println("synergia: warning: " + w);
            }
            err.flush();
        }
        DataProvenance provenance = DataProvenance.of(data, dataset.rowCount(), result.n());
        ResultPrinter.of(global.format).print("estimate", result, provenance, spec.commandLine().getOut());
        return 0;
    }
}
