package org.synergia.effects.matching;

import java.util.List;
import java.util.Locale;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.effects.potentialoutcomes.Estimand;

/** Checks of a matching estimator's inputs, failing with messages that name counts and the fix. */
final class Validation {

    private Validation() {
    }

    static void check(double[] y, boolean[] treated, double[][] columns, List<String> names) {
        int n = y.length;
        if (treated.length != n) {
            throw new InputException("the treatment has " + treated.length + " rows but the outcome has " + n);
        }
        if (columns.length != names.size()) {
            throw new InputException(columns.length + " covariate columns but " + names.size() + " names");
        }
        for (int j = 0; j < columns.length; j++) {
            if (columns[j].length != n) {
                throw new InputException("covariate " + names.get(j) + " has " + columns[j].length + " rows, not " + n);
            }
            checkFinite(columns[j], names.get(j));
        }
        checkFinite(y, "the outcome");
        int nt = 0;
        for (boolean b : treated) {
            if (b) {
                nt++;
            }
        }
        if (nt == 0 || nt == n) {
            throw new InputException(String.format(Locale.ROOT, "the treatment has one level only (%d treated, %d "
                    + "controls among %d rows): matching needs both arms", nt, n - nt, n));
        }
    }

    private static void checkFinite(double[] x, String what) {
        int bad = 0;
        int first = -1;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                bad++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (bad > 0) {
            throw new InputException(String.format(Locale.ROOT, "%s has %d missing or non-finite values (first at row %d):"
                    + " drop those rows first", what, bad, first + 1));
        }
    }

    static void checkScore(double[] p, int n) {
        if (p.length != n) {
            throw new InputException("the propensity score has " + p.length + " rows, not " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!(p[i] > 0 && p[i] < 1)) {
                throw new InputException(String.format(Locale.ROOT, "the propensity score of row %d is %s; it must lie "
                        + "strictly between 0 and 1", i + 1, p[i]));
            }
        }
    }

    /** @return {treated rows, control rows} of the sample, ascending */
    static int[][] arms(boolean[] treated, boolean[] inSample) {
        int nt = 0;
        int nc = 0;
        for (int i = 0; i < treated.length; i++) {
            if (inSample[i]) {
                if (treated[i]) {
                    nt++;
                } else {
                    nc++;
                }
            }
        }
        int[] t = new int[nt];
        int[] c = new int[nc];
        nt = 0;
        nc = 0;
        for (int i = 0; i < treated.length; i++) {
            if (inSample[i]) {
                if (treated[i]) {
                    t[nt++] = i;
                } else {
                    c[nc++] = i;
                }
            }
        }
        return new int[][] {t, c};
    }

    static void checkEstimand(Estimand e) {
        if (e == Estimand.POMEANS) {
            throw new InputException(MatchingProblem.ESTIMAND, OptionName.of("estimand"));
        }
    }

    static void checkArms(int nt, int nc, int m, Estimand estimand, boolean replace) {
        if (nt == 0 || nc == 0) {
            throw new InputException(String.format(Locale.ROOT, "an arm is empty after the common support rule (%d "
                    + "treated, %d controls): relax the rule", nt, nc));
        }
        if (m > nc || (estimand == Estimand.ATE && m > nt)) {
            throw new InputException(MatchingProblem.TOO_MANY_NEIGHBOURS, m, nt, nc, OptionName.of("neighbors"));
        }
        if (!replace && estimand == Estimand.ATE) {
            throw new InputException(MatchingProblem.ATE_NEEDS_REPLACEMENT, OptionName.of("replace"));
        }
    }
}
