package org.synergia.measures.estimators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.synergia.data.CompleteCases;
import org.synergia.measures.poverty.PovertyMeasures;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.EstimationResult;

/**
 * {@code poverty}: FGT0, FGT1, FGT2 and Gini at a poverty line over {@link PovertyMeasures}, with
 * linearised SEs, overall or by group ({@code FGT0[<group>]}). The complete rows are a domain of the
 * whole design (R survey's {@code na.rm = TRUE}).
 */
public final class PovertyEstimator implements Estimator {

    private static final List<EstimatorOption> OPTIONS = SurveyDesignOptions.after(List.of(
            EstimatorOption.variable("variable", "Y", "income or consumption").asRequired(),
            EstimatorOption.number("line", "Z", "the poverty line, in Y's units").asRequired(),
            EstimatorOption.variable("by", "G", "estimate for each value of this variable")));

    /** The registry entry. */
    public PovertyEstimator() {
    }

    @Override
    public String name() {
        return "poverty";
    }

    @Override
    public String description() {
        return "Poverty (FGT 0, 1, 2 at a line) and inequality (Gini) with design-based standard errors.";
    }

    @Override
    public List<EstimatorOption> options() {
        return OPTIONS;
    }

    @Override
    public Collection<String> variables(EstimatorOptions options) {
        return SurveyDesignOptions.variables(options, "variable", "by");
    }

    @Override
    public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
        SurveyDesignOptions.Domain d = SurveyDesignOptions.domain(rows, options);
        PovertyMeasures measures = PovertyMeasures.atLine(options.number("line").orElseThrow());
        double[] y = d.values(options.required("variable"));
        if (options.text("by").isEmpty()) {
            return measures.fit(d.design(), y, d.domain());
        }
        List<String> labels = new ArrayList<>();
        int[] group = d.groups(options.text("by").get(), labels);
        return measures.fitByGroup(d.design(), y, group, labels.toArray(String[]::new), d.domain());
    }
}
