package org.synergia.cli;

import java.util.ArrayList;
import java.util.List;
import org.synergia.data.Dataset;
import org.synergia.effects.did.DidColumns;
import org.synergia.effects.did.DidMethod;
import org.synergia.effects.did.DrDid;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synergia estimate did}: two-period difference-in-differences (term {@code ATT}). */
@Command(name = "did", mixinStandardHelpOptions = true,
        description = "Two-period difference-in-differences ATT: doubly robust (Sant'Anna & Zhao 2020), IPW (Abadie 2005),"
                + " outcome regression or TWFE; panel with --id, repeated cross-sections without.")
public final class DidCommand extends EstimateMethodCommand {

    @Option(names = "--outcome", required = true, paramLabel = "Y", description = "the outcome variable")
    private String outcome;

    @Option(names = "--time", required = true, paramLabel = "T",
            description = "the period variable, exactly two values (the later is post-treatment)")
    private String time;

    @Option(names = "--group", required = true, paramLabel = "D", description = "treated group 1, comparison group 0")
    private String group;

    @Option(names = "--id", paramLabel = "I", description = "unit identifier: panel data (omit for repeated cross-sections)")
    private String id;

    @Option(names = "--covariates", paramLabel = "\"x1 + x2\"", description = "covariates (pre-period values in a panel)")
    private String covariates;

    @Option(names = "--method", paramLabel = "M", defaultValue = "dr-improved",
            description = "dr-improved, dr-traditional, ipw-std, ipw, reg or twfe (default: ${DEFAULT-VALUE})")
    private String method;

    @Option(names = "--trim", paramLabel = "P", defaultValue = "0.995",
            description = "comparison units with propensity score >= P get weight 0 (default: ${DEFAULT-VALUE})")
    private double trim;

    @Mixin
    private WeightsOption weights;

    @Mixin
    private ClusterOption cluster;

    @Override
    protected EstimationResult estimate(Dataset data) {
        DrDid estimator = DrDid.withDefaults().withMethod(DidMethod.parse(method)).withTrimLevel(trim);
        DidColumns c = DidColumns.of(outcome, data.numeric(outcome).toDoubleArray(), time,
                data.numeric(time).toDoubleArray(), group, data.numeric(group).toDoubleArray());
        if (id != null) {
            c = c.withId(id, data.numeric(id).toDoubleArray());
        }
        List<String> xs = new ArrayList<>(NumericVariables.covariates(covariates));
        for (String x : xs) {
            c = c.withCovariate(x, data.numeric(x).toDoubleArray());
        }
        if (weights.variable().isPresent()) {
            String w = weights.variable().get();
            c = c.withWeights(w, data.numeric(w).toDoubleArray());
        }
        if (cluster.variable().isPresent()) {
            String g = cluster.variable().get();
            c = c.withClusters(g, data.numeric(g).toDoubleArray());
        }
        return estimator.fit(c);
    }
}
