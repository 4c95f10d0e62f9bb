package org.synergia.effects.matching;

import org.synergia.data.Dataset;
import org.synergia.data.io.DatasetReaders;
import org.synergia.testdata.TestFiles;

/** The {@code lalonde.csv} of synergia-testdata (614 rows), read column-wise for the tests. */
final class Lalonde {

    static final String[] COVARIATES = {"age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75"};
    /** R 4.2.2 glm(treat ~ age + educ + black + hispan + married + nodegree + re74 + re75, binomial) coefficients. */
    static final double[] LOGIT_COEF = {-4.72864932405592, 0.0157770709858204, 0.161306877011067, 3.06536772923412,
        0.983633610278194, -0.832113271326341, 0.707296881079664, -7.1776685680759e-05, 5.34464463884473e-05};

    final boolean[] treated;
    final double[] re78;
    /** The covariates, one array per column of {@link #COVARIATES}. */
    final double[][] covariates;

    private Lalonde(boolean[] treated, double[] re78, double[][] covariates) {
        this.treated = treated;
        this.re78 = re78;
        this.covariates = covariates;
    }

    static Lalonde load() {
        Dataset d = DatasetReaders.read(TestFiles.reference("lalonde.csv"));
        double[] t = d.numeric("treat").toDoubleArray();
        boolean[] treated = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            treated[i] = t[i] == 1;
        }
        double[][] x = new double[COVARIATES.length][];
        for (int j = 0; j < COVARIATES.length; j++) {
            x[j] = d.numeric(COVARIATES[j]).toDoubleArray();
        }
        return new Lalonde(treated, d.numeric("re78").toDoubleArray(), x);
    }

    int n() {
        return re78.length;
    }

    /** @return the design matrix of the treatment model, row-major with an intercept column */
    double[][] design() {
        double[][] d = new double[n()][COVARIATES.length + 1];
        for (int i = 0; i < n(); i++) {
            d[i][0] = 1;
            for (int j = 0; j < COVARIATES.length; j++) {
                d[i][j + 1] = covariates[j][i];
            }
        }
        return d;
    }

    /** @return the propensity score from R's fitted logit coefficients */
    double[] rScore() {
        double[][] d = design();
        double[] p = new double[n()];
        for (int i = 0; i < n(); i++) {
            double eta = 0;
            for (int j = 0; j < LOGIT_COEF.length; j++) {
                eta += d[i][j] * LOGIT_COEF[j];
            }
            p[i] = 1 / (1 + Math.exp(-eta));
        }
        return p;
    }
}
