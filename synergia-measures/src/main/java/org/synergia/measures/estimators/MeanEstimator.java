package org.synergia.measures.estimators;

import org.synergia.measures.survey.SurveyDesign;
import org.synergia.measures.survey.SurveyEstimator;
import org.synergia.stats.inference.EstimationResult;

/**
 * {@code mean}: a design-based mean with a Taylor-linearised SE over {@link SurveyEstimator} (term
 * {@code mean:<variable>}; with {@code by}, {@code mean:<variable>[<group>]}).
 */
public final class MeanEstimator extends SurveyStatisticEstimators {

    /** The registry entry. */
    public MeanEstimator() {
    }

    @Override
    public String name() {
        return "mean";
    }

    @Override
    public String description() {
        return "Design-based mean with a Taylor-linearised standard error and design effect.";
    }

    @Override
    EstimationResult overall(SurveyEstimator estimator, SurveyDesign design, double[] y, String variable, boolean[] domain) {
        return estimator.mean(design, y, variable, domain);
    }

    @Override
    EstimationResult byGroup(SurveyEstimator estimator, SurveyDesign design, double[] y, String variable, int[] group,
            String[] groups, boolean[] domain) {
        return estimator.meanByGroup(design, y, variable, group, groups, domain);
    }
}
