package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.List;
import org.synergia.effects.potentialoutcomes.Ipw;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;

/** {@code ipw}: inverse-probability weighting (Stata {@code teffects ipw}) over {@link Ipw}. */
public final class IpwEstimator extends PotentialOutcomeEstimators {

    /** The registry entry. */
    public IpwEstimator() {
        super(own());
    }

    private static List<EstimatorOption> own() {
        List<EstimatorOption> o = new ArrayList<>(TREATMENT_MODEL);
        o.add(EstimatorOption.variable("outcome", "Y", "the outcome variable").asRequired());
        return o;
    }

    @Override
    public String name() {
        return "ipw";
    }

    @Override
    public String description() {
        return "Inverse-probability weighting with normalised weights; SEs account for the estimated"
                + " treatment model (Stata teffects ipw).";
    }

    @Override
    PotentialOutcomeEstimator<?> estimator(EstimatorOptions options) {
        return Ipw.withDefaults().withLink(link(options));
    }

    @Override
    String outcomeOption() {
        return "outcome";
    }

    @Override
    String treatmentOption() {
        return "treatment-model";
    }
}
