package org.synergia.stats.estimators;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.estimator.NumberList;
import org.synergia.stats.sensitivity.LinearSensitivity;
import org.synergia.stats.sensitivity.SensitivityProblem;

/**
 * The options of a linear sensitivity analysis ({@link LinearSensitivity}), shared by the estimators
 * that offer it ({@code glm}, and {@code ra}, {@code aipw}, {@code ipwra} through their outcome regression):
 * {@code --sensitivity TERM}, {@code --benchmark VAR[,VAR...]}, {@code --kd 1,2,3} and {@code --q 1}.
 */
public final class SensitivityOptions {

    /** The options, in the order help lists them. */
    public static final List<EstimatorOption> OPTIONS = List.of(
            EstimatorOption.text("sensitivity", "TERM", "sensitivity of this treatment term to unobserved confounding (linear"
                    + " models): partial R\u00b2, robustness values, E-values (Cinelli & Hazlett 2020, sensemakr conventions)"),
            EstimatorOption.text("benchmark", "VAR[,VAR...]", "with --sensitivity, covariate terms to bound a confounder by"),
            EstimatorOption.text("kd", "K[,K...]", "with --benchmark, confounders K times as strong as the benchmark"
                    + " (default: ${DEFAULT-VALUE})").withDefault("1,2,3"),
            EstimatorOption.number("q", "Q", "with --sensitivity, the share of the estimate the robustness values explain"
                    + " away (default: ${DEFAULT-VALUE})").withDefault("1"));

    private SensitivityOptions() {
    }

    /**
     * The analysis the options ask for: none without {@code --sensitivity} (then its companions are
     * refused), else checked: unweighted, positive multiples and share.
     *
     * @param options the estimator's options, which include {@link #OPTIONS}
     * @return the analysis, or empty
     * @throws InputException naming the option at fault
     */
    public static Optional<LinearSensitivity> read(EstimatorOptions options) {
        Optional<String> term = options.text("sensitivity");
        if (term.isEmpty()) {
            for (String o : List.of("benchmark", "kd", "q")) {
                if (options.given(o)) {
                    throw new InputException(SensitivityProblem.NEEDS_SENSITIVITY, OptionName.of(o), OptionName.of("sensitivity"));
                }
            }
            return Optional.empty();
        }
        if (options.text(EstimatorOption.WEIGHTS).isPresent()) {
            throw new InputException(SensitivityProblem.WEIGHTED, OptionName.of("sensitivity"), OptionName.of(EstimatorOption.WEIGHTS));
        }
        double[] kd = NumberList.of(options, "kd");
        for (double k : kd) {
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new InputException(SensitivityProblem.MULTIPLE_NOT_POSITIVE, OptionName.of("kd"), String.valueOf(k));
            }
        }
        double q = options.number("q").orElseThrow();
        if (!(q > 0) || Double.isInfinite(q)) {
            throw new InputException(SensitivityProblem.SHARE_NOT_POSITIVE, OptionName.of("q"), String.valueOf(q));
        }
        List<String> benchmarks = options.text("benchmark").map(b -> Arrays.stream(b.split(",")).map(String::trim)
                .filter(x -> !x.isEmpty()).toList()).orElse(List.of());
        return Optional.of(new LinearSensitivity(term.get().trim(), benchmarks, kd, q, 0.05));
    }
}
