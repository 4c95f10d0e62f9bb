package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.List;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.effects.potentialoutcomes.Ra;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;

/** {@code ra}: regression adjustment (Stata {@code teffects ra}) over {@link Ra}. */
public final class RaEstimator extends PotentialOutcomeEstimators {

    /** The registry entry. */
    public RaEstimator() {
        super(own());
    }

    private static List<EstimatorOption> own() {
        List<EstimatorOption> o = new ArrayList<>(OUTCOME_MODEL);
        o.add(EstimatorOption.variable("treatment", "T", "the treatment variable").asRequired());
        return o;
    }

    @Override
    public String name() {
        return "ra";
    }

    @Override
    public String description() {
        return "Regression adjustment: outcome models by treatment arm; ATE, ATT or potential-outcome means"
                + " with stacked-equation SEs (Stata teffects ra).";
    }

    @Override
    PotentialOutcomeEstimator<?> estimator(EstimatorOptions options) {
        return Ra.withDefaults().withOutcomeModel(outcomeModel(options));
    }

    @Override
    String outcomeOption() {
        return "outcome-model";
    }

    @Override
    String treatmentOption() {
        return "treatment";
    }
}
