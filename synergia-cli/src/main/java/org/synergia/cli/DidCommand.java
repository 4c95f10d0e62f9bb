package org.synergia.cli;

import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.effects.did.DidColumns;
import org.synergia.effects.did.DidMethod;
import org.synergia.effects.did.DrDid;
import org.synergia.effects.did.StaggeredDid;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synergia estimate did}: two-period difference-in-differences (term {@code ATT}). */
@Command(name = "did", mixinStandardHelpOptions = true,
        description = "Two-period difference-in-differences ATT: doubly robust (Sant'Anna & Zhao 2020), IPW (Abadie 2005),"
                + " outcome regression or TWFE; panel with --id, repeated cross-sections without; staggered adoption"
                + " (Callaway & Sant'Anna 2021) with --cohort.")
public final class DidCommand extends EstimateMethodCommand {

    @Option(names = "--outcome", required = true, paramLabel = "Y", description = "the outcome variable")
    private String outcome;

    @Option(names = "--time", required = true, paramLabel = "T",
            description = "the period variable, exactly two values (the later is post-treatment)")
    private String time;

    @Option(names = "--group", paramLabel = "D", description = "treated group 1, comparison group 0 (two periods)")
    private String group;

    @Option(names = "--cohort", paramLabel = "G",
            description = "instead of --group, for staggered adoption: first treated period, 0 never treated (needs --id)")
    private String cohort;

    @Option(names = "--id", paramLabel = "I", description = "unit identifier: panel data (omit for repeated cross-sections)")
    private String id;

    @Option(names = "--covariates", paramLabel = "\"x1 + x2\"",
            description = "covariates as the right-hand side of a formula (pre-period values in a panel)")
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
        if ((group == null) == (cohort == null)) {
            throw new InputException("give either --group D (two periods, D = 1 treated, 0 comparison) or --cohort G"
                    + " (staggered adoption, G = first treated period, 0 never treated)");
        }
        String g = group != null ? group : cohort;
        DidColumns c = DidColumns.of(outcome, data.numeric(outcome).toDoubleArray(), time,
                data.numeric(time).toDoubleArray(), g, data.numeric(g).toDoubleArray());
        if (id != null) {
            c = c.withId(id, data.numeric(id).toDoubleArray());
        }
        NumericVariables.Covariates xs = NumericVariables.covariates(data, covariates, this);
        for (int j = 0; j < xs.names().size(); j++) {
            c = c.withCovariate(xs.names().get(j), xs.columns()[j]);
        }
        if (weights.variable().isPresent()) {
            String w = weights.variable().get();
            c = c.withWeights(w, data.numeric(w).toDoubleArray());
        }
        if (cluster.variable().isPresent()) {
            String cl = cluster.variable().get();
            c = c.withClusters(cl, data.numeric(cl).toDoubleArray());
        }
        DidMethod m = DidMethod.parse(method);
        if (cohort != null) {
            return StaggeredDid.withDefaults().withMethod(m).fit(c);
        }
        return DrDid.withDefaults().withMethod(m).withTrimLevel(trim).fit(c);
    }
}
