package org.synergia.measures.estimators;

import org.synergia.measures.survey.SurveyDesign;
import org.synergia.measures.survey.SurveyEstimator;
import org.synergia.stats.inference.EstimationResult;

/**
 * {@code total}: a design-based total with a Taylor-linearised SE over {@link SurveyEstimator} (term
 * {@code total:<variable>}; with {@code by}, {@code total:<variable>[<group>]}).
 */
public final class TotalEstimator extends SurveyStatisticEstimators {

    /** The registry entry. */
    public TotalEstimator() {
    }

    @Override
    public String name() {
        return "total";
    }

    @Override
    public String description() {
        return "Design-based total with a Taylor-linearised standard error and design effect.";
    }

    @Override
    EstimationResult overall(SurveyEstimator estimator, SurveyDesign design, double[] y, String variable, boolean[] domain) {
        return estimator.total(design, y, variable, domain);
    }

    @Override
    EstimationResult byGroup(SurveyEstimator estimator, SurveyDesign design, double[] y, String variable, int[] group,
            String[] groups, boolean[] domain) {
        return estimator.totalByGroup(design, y, variable, group, groups, domain);
    }
}
