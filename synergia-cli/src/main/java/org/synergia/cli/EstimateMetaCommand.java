package org.synergia.cli;

import java.util.Arrays;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.synthesis.meta.MetaAnalysis;
import org.synergia.synthesis.meta.MetaTest;
import org.synergia.synthesis.meta.Tau2Estimator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synergia estimate meta}: meta-analysis or meta-regression of one effect per row (terms
 * {@code pooled} and one per moderator; diagnostics tau2, I2, H2, Q, Q_p).
 */
@Command(name = "meta", mixinStandardHelpOptions = true,
        description = "Fixed- or random-effects meta-analysis and meta-regression (metafor conventions).")
public final class EstimateMetaCommand extends EstimateMethodCommand {

    /** tau² estimators as the command line spells them. */
    enum Method { reml, dl, pm, ml, fe }

    /** Tests as the command line spells them. */
    enum Test { z, knha }

    @Option(names = "--effect", required = true, paramLabel = "Y", description = "the effect sizes")
    private String effect;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Precision precision;

    /** Either the variances or the standard errors. */
    static final class Precision {
        @Option(names = "--variance", required = true, paramLabel = "V", description = "the sampling variances")
        String variance;
        @Option(names = "--se", required = true, paramLabel = "S", description = "the standard errors")
        String se;
    }

    @Option(names = "--method", paramLabel = "M", defaultValue = "reml",
            description = "tau2 estimator: reml, dl, pm, ml or fe (default: ${DEFAULT-VALUE})")
    private Method method;

    @Option(names = "--test", paramLabel = "T", defaultValue = "z",
            description = "z or knha (Knapp-Hartung) (default: ${DEFAULT-VALUE})")
    private Test test;

    @Option(names = "--moderators", paramLabel = "\"x1 + x2\"", description = "meta-regression moderators")
    private String moderators;

    @Mixin
    private RefusedOptions.Weights noWeights;

    @Mixin
    private RefusedOptions.Cluster noCluster;

    @Override
    protected EstimationResult estimate(Dataset dataset) {
        double[] y = dataset.numeric(effect).toDoubleArray();
        double[] v;
        if (precision.variance != null) {
            v = dataset.numeric(precision.variance).toDoubleArray();
        } else {
            v = dataset.numeric(precision.se).toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] * v[i];
            }
        }
        String[] names = moderators == null || moderators.isBlank() ? new String[0]
                : Arrays.stream(moderators.split("\\+")).map(String::trim).toArray(String[]::new);
        double[][] x = new double[names.length][];
        for (int j = 0; j < names.length; j++) {
            if (names[j].isEmpty()) {
                throw new InputException("--moderators '" + moderators + "' has an empty term: write it as \"x1 + x2\"");
            }
            x[j] = dataset.numeric(names[j]).toDoubleArray();
        }
        MetaAnalysis analysis = MetaAnalysis.withDefaults()
                .withMethod(Tau2Estimator.valueOf(method.name().toUpperCase(java.util.Locale.ROOT)))
                .withTest(test == Test.knha ? MetaTest.KNAPP_HARTUNG : MetaTest.Z);
        return analysis.fit(y, v, x, names);
    }
}
