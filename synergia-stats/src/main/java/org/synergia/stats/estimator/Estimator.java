package org.synergia.stats.estimator;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.synergia.data.CompleteCases;
import org.synergia.stats.inference.EstimationResult;

/**
 * One estimation method as every caller sees it: the {@code synergia estimate} subcommands (generated
 * from {@link #options()}), the case pipeline and the analyst area. An implementation is one class
 * with a public no-argument constructor, listed in {@code META-INF/services/org.synergia.stats.estimator.Estimator}
 * of its module, and found by {@link Estimators}. It is stateless; the data preparation (the rows
 * complete in {@link #variables}, under the caller's missing-value policy) is {@link Estimation}'s.
 */
public interface Estimator {

    /** @return the name, as the command line spells it ({@code ipwra}) and the result's {@code method} */
    String name();

    /** @return one sentence for help and docs */
    String description();

    /** @return the options, in the order help lists them */
    List<EstimatorOption> options();

    /**
     * Groups of options of which exactly one must be given (meta-analysis: the variances or the
     * standard errors); their options are not {@link EstimatorOption#required()} themselves.
     *
     * @return the groups, each the names of its options in the order help lists them; none by default
     */
    default List<List<String>> exactlyOneOf() {
        return List.of();
    }

    /**
     * The variables the analysis uses, from the options: a row missing any of them is left out
     * (or refused). Names that are not in the data are left for {@link #fit} to refuse in its own
     * words.
     *
     * @param options the options
     * @return the variables, in order, each once
     */
    Collection<String> variables(EstimatorOptions options);

    /**
     * Estimates.
     *
     * @param rows the rows with every variable of {@link #variables} present; {@link CompleteCases#dataset()}
     *     is the data on those rows, {@link CompleteCases#source()} the whole file (a design-based
     *     estimator keeps the whole design and takes the complete rows as its domain)
     * @param options the options
     * @return the result
     * @throws org.synergia.data.InputException when the data or the options do not allow estimation
     */
    EstimationResult fit(CompleteCases rows, EstimatorOptions options);

    /**
     * What the estimator writes to a {@link EstimatorOption.Kind#FILE} option's file.
     *
     * @param option the file option's name
     * @param estimation the estimation: its options, the rows it was fitted on and the result of {@link #fit}
     * @return the file's content, or empty when this result has none for that option
     */
    default Optional<String> output(String option, Estimation estimation) {
        return Optional.empty();
    }

    /**
     * @param option an option's name or alias ({@link EstimatorOption#WEIGHTS}, {@link EstimatorOption#CLUSTER}, ...)
     * @return whether this estimator has it
     */
    default boolean accepts(String option) {
        return options().stream().anyMatch(o -> o.isNamed(option));
    }
}
