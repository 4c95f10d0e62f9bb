package org.synergia.cli;

import java.util.Locale;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.VarianceType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synergia estimate glm}: a generalised linear model from an R-style formula, with terms
 * named as written ({@code (Intercept)}, {@code mage}, {@code I(mage^2)}, {@code factor(region)2}).
 */
@Command(name = "glm", mixinStandardHelpOptions = true,
        description = "Generalised linear model (OLS/WLS, logit, probit, Poisson) from an R-style formula.")
public final class EstimateGlmCommand extends EstimateMethodCommand {

    /** The {@code --family} values. */
    enum FamilyOption { gaussian, binomial, poisson }

    /** The {@code --link} values. */
    enum LinkOption { identity, logit, probit, log }

    /** The {@code --vce} values. */
    enum VceOption { robust, oim, cluster }

    @Option(names = "--model", required = true, paramLabel = "F",
            description = "the model formula, e.g. \"bweight ~ mage + I(mage^2) + factor(msmoke)\"")
    private String model;

    @Option(names = "--family", defaultValue = "gaussian", paramLabel = "FAMILY",
            description = "gaussian, binomial or poisson (default: ${DEFAULT-VALUE})")
    private FamilyOption family;

    @Option(names = "--link", paramLabel = "LINK",
            description = "identity, logit, probit or log (default: the family's canonical link)")
    private LinkOption link;

    @Option(names = "--vce", defaultValue = "robust", paramLabel = "VCE",
            description = "robust, oim or cluster (default: ${DEFAULT-VALUE}); small-sample factors as Stata:"
                    + " N/(N-K) and CR1 for gaussian, N/(N-1) and G/(G-1) otherwise")
    private VceOption vce;

    @Mixin
    private WeightsOption weights;

    @Mixin
    private ClusterOption cluster;

    @Override
    protected EstimationResult estimate(Dataset dataset) {
        VarianceType type = VarianceType.valueOf(vce.name().toUpperCase(Locale.ROOT));
        String clusterVariable = cluster.variable().orElse(null);
        if (type == VarianceType.CLUSTER && clusterVariable == null) {
            throw new InputException("--vce cluster needs --cluster C, the variable identifying clusters");
        }
        if (type != VarianceType.CLUSTER && clusterVariable != null) {
            throw new InputException("--cluster " + clusterVariable + " is used only with --vce cluster: add --vce cluster"
                    + " or remove --cluster");
        }
        ModelMatrix m = ModelFrame.of(Formula.parse(model)).withWeights(weights.variable().orElse(null))
                .withCluster(clusterVariable).build(dataset);
        Glm glm = Glm.withDefaults().withFamily(Family.valueOf(family.name().toUpperCase(Locale.ROOT)))
                .withVariance(type).withThreads(global.threads());
        if (link != null) {
            glm = glm.withLink(Link.valueOf(link.name().toUpperCase(Locale.ROOT)));
        }
        return glm.fit(m);
    }
}
