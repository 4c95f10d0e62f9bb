package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.List;
import org.synergia.effects.potentialoutcomes.Ipwra;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;

/** {@code ipwra}: inverse-probability-weighted regression adjustment (Stata {@code teffects ipwra}) over {@link Ipwra}. */
public final class IpwraEstimator extends PotentialOutcomeEstimators {

    /** The registry entry. */
    public IpwraEstimator() {
        super(own());
    }

    private static List<EstimatorOption> own() {
        List<EstimatorOption> o = new ArrayList<>(OUTCOME_MODEL);
        o.addAll(TREATMENT_MODEL);
        return o;
    }

    @Override
    public String name() {
        return "ipwra";
    }

    @Override
    public String description() {
        return "IPW regression adjustment (doubly robust): outcome models by arm weighted by inverse"
                + " probabilities; stacked-equation SEs (Stata teffects ipwra).";
    }

    @Override
    PotentialOutcomeEstimator<?> estimator(EstimatorOptions options) {
        return Ipwra.withDefaults().withOutcomeModel(outcomeModel(options)).withLink(link(options));
    }

    @Override
    String outcomeOption() {
        return "outcome-model";
    }

    @Override
    String treatmentOption() {
        return "treatment-model";
    }
}
