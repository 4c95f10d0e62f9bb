package org.synergia.effects.did;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.synergia.data.InputException;

/**
 * The two-period difference-in-differences estimators of the average treatment effect on the
 * treated (ATT), named as on the command line ({@code --method}).
 */
public enum DidMethod {
    /**
     * Improved (locally efficient, bias-reduced) doubly robust estimator: propensity score by
     * inverse probability tilting, control outcome regression weighted by the odds of the score
     * (Sant'Anna &amp; Zhao 2020, J. Econometrics 219(1), §3.1 eq. 3.10 panel, §3.2 eq. 3.13 repeated
     * cross-sections).
     */
    DR_IMPROVED("dr-improved"),
    /**
     * Traditional doubly robust estimator: logit propensity score, least-squares outcome regressions
     * (Sant'Anna &amp; Zhao 2020, eq. 3.1 panel; eq. 3.4, the locally efficient {@code τ^{dr,re}_2},
     * for repeated cross-sections).
     */
    DR_TRADITIONAL("dr-traditional"),
    /** Inverse probability weighting with weights normalised to sum to one within each group (Hájek). */
    IPW_STD("ipw-std"),
    /** Abadie's (2005, Rev. Econ. Stud. 72(1), eq. 11) unnormalised inverse probability weighting (Horvitz–Thompson). */
    IPW("ipw"),
    /** Outcome regression (Heckman, Ichimura &amp; Todd 1997): control-group regression of the outcome change. */
    REG("reg"),
    /**
     * Two-way fixed effects regression {@code y ~ post + group + x + group:post}, for comparison only:
     * biased when effects are heterogeneous in the covariates.
     */
    TWFE("twfe");

    private final String label;

    DidMethod(String label) {
        this.label = label;
    }

    /** @return the name on the command line ({@code dr-improved}, ...) */
    public String label() {
        return label;
    }

    /**
     * The method with a command-line name.
     *
     * @param label {@code dr-improved}, {@code dr-traditional}, {@code ipw-std}, {@code ipw}, {@code reg} or {@code twfe}
     * @return the method
     */
    public static DidMethod parse(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        for (DidMethod m : values()) {
            if (m.label.equals(l)) {
                return m;
            }
        }
        throw new InputException("unknown difference-in-differences method '" + label + "': use one of "
                + Arrays.stream(values()).map(DidMethod::label).collect(Collectors.joining(", ")));
    }
}
