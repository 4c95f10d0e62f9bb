package org.synergia.stats.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The observed information of the probit (Stata's default, not available from R's glm) checked
 * against central finite differences of the analytic score; the estimates are the same either way.
 */
class ProbitInformationTest {

    @Test
    void observedInformationIsMinusTheDerivativeOfTheScore() {
        Lalonde d = Lalonde.load();
        List<String> names = LalondeLogitTest.names();
        double[][] x = d.design(LalondeLogitTest.REGRESSORS);
        double[] y = d.column("treat");
        GlmFit fit = Glm.withDefaults().withLink(Link.PROBIT).fit(x, names, y);
        GlmFit fisher = Glm.withDefaults().withLink(Link.PROBIT).withInformation(Information.EXPECTED).fit(x, names, y);
        double[] beta = fit.coefficients();
        for (int j = 0; j < beta.length; j++) {
            assertEquals(fisher.coefficients()[j], beta[j], 1e-9 * Math.abs(beta[j]));
        }
        double[][] info = fit.information();
        LikelihoodPass pass = new LikelihoodPass(GlmKernel.BINOMIAL_PROBIT, x, y, null, null);
        for (int k = 0; k < beta.length; k++) {
            double h = 1e-5 * Math.max(1e-3, Math.abs(beta[k]));
            double[] up = beta.clone();
            double[] down = beta.clone();
            up[k] += h;
            down[k] -= h;
            double[] gUp = pass.run(up, true, null).score;
            double[] gDown = pass.run(down, true, null).score;
            for (int j = 0; j < beta.length; j++) {
                double numeric = -(gUp[j] - gDown[j]) / (2 * h);
                assertEquals(info[j][k], numeric, 1e-6 * Math.sqrt(info[j][j] * info[k][k]), names.get(j) + "," + names.get(k));
            }
        }
    }
}
