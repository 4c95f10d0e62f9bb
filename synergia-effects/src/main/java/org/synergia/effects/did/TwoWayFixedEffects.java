package org.synergia.effects.did;

import java.util.ArrayList;
import java.util.List;

/**
 * The two-way fixed effects DiD regression {@code y ~ 1 + post + D + x + D:post} by (weighted)
 * least squares on the stacked observations, the ATT being the interaction's coefficient. Its
 * influence function is that of OLS, {@code ψ_i = w_i e_i z_iᵀ (Zᵀ W Z / N)⁻¹ e_{D:post}}; R
 * DRDID 1.2.3 ({@code twfe_did_panel}, {@code twfe_did_rc}) reports {@code sd(ψ)/√N} treating the
 * {@code N} stacked rows as independent, which is the default here too.
 */
final class TwoWayFixedEffects {

    private TwoWayFixedEffects() {
    }

    static AsymptoticLinearization fit(double[] y, double[] post, double[] d, double[][] covariates,
            List<String> names, double[] w) {
        int n = y.length;
        double[][] cols = new double[covariates.length + 3][];
        List<String> colNames = new ArrayList<>();
        cols[0] = post;
        cols[1] = d;
        colNames.add("post");
        colNames.add("group");
        for (int j = 0; j < covariates.length; j++) {
            cols[2 + j] = covariates[j];
            colNames.add(names.get(j));
        }
        double[] dp = PanelEstimators.times(d, post);
        cols[cols.length - 1] = dp;
        colNames.add("group:post");
        Regressors z = new Regressors(cols, colNames, n);
        String what = "two-way fixed effects regression";
        double[] beta = NuisanceFits.leastSquares(z, y, w, what);
        double[] fitted = z.index(beta);
        double[] unit = new double[z.count()];
        unit[unit.length - 1] = 1;
        double[] v = z.solve(z.gram(w), unit, what);
        double[] psi = new double[n];
        for (int i = 0; i < n; i++) {
            psi[i] = w[i] * (y[i] - fitted[i]) * z.index(i, v);
        }
        return new AsymptoticLinearization(beta[beta.length - 1], psi, true);
    }
}
