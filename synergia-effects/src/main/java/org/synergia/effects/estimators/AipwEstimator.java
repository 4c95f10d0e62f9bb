package org.synergia.effects.estimators;

import java.util.ArrayList;
import java.util.List;
import org.synergia.effects.potentialoutcomes.Aipw;
import org.synergia.effects.potentialoutcomes.PotentialOutcomeEstimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;

/** {@code aipw}: augmented inverse-probability weighting (Stata {@code teffects aipw}) over {@link Aipw}. */
public final class AipwEstimator extends PotentialOutcomeEstimators {

    /** The registry entry. */
    public AipwEstimator() {
        super(own());
    }

    private static List<EstimatorOption> own() {
        List<EstimatorOption> o = new ArrayList<>(OUTCOME_MODEL);
        o.addAll(TREATMENT_MODEL);
        return o;
    }

    @Override
    public String name() {
        return "aipw";
    }

    @Override
    public String description() {
        return "Augmented IPW (doubly robust): outcome models by arm plus a treatment model; stacked-equation"
                + " SEs (Stata teffects aipw; ATT as the doubly robust ATT).";
    }

    @Override
    PotentialOutcomeEstimator<?> estimator(EstimatorOptions options) {
        return Aipw.withDefaults().withOutcomeModel(outcomeModel(options)).withLink(link(options));
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
