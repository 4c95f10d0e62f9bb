package org.synergia.stats.estimator;

import java.util.ArrayList;
import java.util.List;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.MissingPolicy;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.stats.inference.AnnotatedResult;

/**
 * One estimation, the same for every caller: the rows complete in the estimator's
 * {@link Estimator#variables} under a missing-value policy ({@link CompleteCases}) and the fit on
 * them; {@link #reported()} is the result with the sentence reporting the rows left out as its
 * first warning.
 *
 * @param estimator the estimator
 * @param options its options
 * @param rows the rows it was fitted on
 * @param result the estimator's result
 */
public record Estimation(Estimator estimator, EstimatorOptions options, CompleteCases rows, EstimationResult result) {

    /**
     * @param data the data
     * @param options the options, which name their estimator
     * @param missing what to do with a row missing a variable the analysis uses
     * @return the estimation
     * @throws org.synergia.data.InputException when the data or the options do not allow estimation
     */
    public static Estimation of(Dataset data, EstimatorOptions options, MissingPolicy missing) {
        Estimator estimator = options.estimator();
        List<String> known = new ArrayList<>();
        for (String v : estimator.variables(options)) {
            if (v != null && data.hasColumn(v)) {
                known.add(v);
            }
        }
        CompleteCases rows = CompleteCases.of(data, known, missing);
        return new Estimation(estimator, options, rows, estimator.fit(rows, options));
    }

    /** @return the result as reported: the rows left out for missing values, if any, its first warning */
    public EstimationResult reported() {
        return AnnotatedResult.of(result, rows.warning().stream().toList());
    }
}
