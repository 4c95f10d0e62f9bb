package org.synergia.measures.estimators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.synergia.data.CompleteCases;
import org.synergia.measures.survey.SurveyDesign;
import org.synergia.measures.survey.SurveyEstimator;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.EstimationResult;

/**
 * What {@code mean} and {@code total} share as registry entries: the variable, the optional domain
 * variable {@code by} and the sample design; each subclass calls its statistic of
 * {@link SurveyEstimator}. The complete rows are a domain of the whole design (R survey's
 * {@code na.rm = TRUE}).
 */
abstract class SurveyStatisticEstimators implements Estimator {

    private static final List<EstimatorOption> OPTIONS = SurveyDesignOptions.after(List.of(
            EstimatorOption.variable("variable", "Y", "the variable").asRequired(),
            EstimatorOption.variable("by", "G", "domain estimates for each value of this variable")));

    /**
     * @param estimator the survey estimator
     * @param design the design
     * @param y the variable's values on the design's rows
     * @param variable its name
     * @param domain the domain's rows, null for all
     * @return the statistic
     */
    abstract EstimationResult overall(SurveyEstimator estimator, SurveyDesign design, double[] y, String variable,
            boolean[] domain);

    /**
     * @param estimator the survey estimator
     * @param design the design
     * @param y the variable's values on the design's rows
     * @param variable its name
     * @param group each row's group code
     * @param groups the groups' labels
     * @param domain the domain's rows, null for all
     * @return the statistic of each group
     */
    abstract EstimationResult byGroup(SurveyEstimator estimator, SurveyDesign design, double[] y, String variable,
            int[] group, String[] groups, boolean[] domain);

    @Override
    public final List<EstimatorOption> options() {
        return OPTIONS;
    }

    @Override
    public final Collection<String> variables(EstimatorOptions options) {
        return SurveyDesignOptions.variables(options, "variable", "by");
    }

    @Override
    public final EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        SurveyDesignOptions.Domain d = SurveyDesignOptions.domain(rows, options);
        SurveyEstimator estimator = SurveyEstimator.withDefaults();
        String variable = options.required("variable");
        double[] y = d.values(variable);
        if (options.text("by").isEmpty()) {
            return overall(estimator, d.design(), y, variable, d.domain());
        }
        List<String> labels = new ArrayList<>();
        int[] group = d.groups(options.text("by").get(), labels);
        return byGroup(estimator, d.design(), y, variable, group, labels.toArray(String[]::new), d.domain());
    }
}
