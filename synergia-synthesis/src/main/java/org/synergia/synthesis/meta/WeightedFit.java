package org.synergia.synthesis.meta;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.synergia.data.InputException;

/**
 * The weighted least-squares fit of a (meta-)regression at a given tau², with weights
 * {@code w_i = 1/(v_i + tau²)}, and the quantities of the residual-projection matrix
 * {@code P = W - W X (X'WX)^-1 X'W} used by the tau² estimators (Viechtbauer 2005).
 */
final class WeightedFit {

    final double tau2;
    final double[] w;
    final double[] b;
    final double[][] unscaledCovariance;
    /** {@code sum w_i e_i^2 = y'Py}: the generalised Q statistic at this tau². */
    final double q;
    private final double[] y;
    private final double[][] x;
    private final RealMatrix xtwxInverse;

    WeightedFit(double[] y, double[] v, double[][] x, double tau2) {
        this.y = y;
        this.x = x;
        this.tau2 = tau2;
        int k = y.length;
        int p = x[0].length;
        w = new double[k];
        double[][] xtwx = new double[p][p];
        double[] xtwy = new double[p];
        for (int i = 0; i < k; i++) {
            w[i] = 1 / (v[i] + tau2);
            for (int a = 0; a < p; a++) {
                xtwy[a] += w[i] * x[i][a] * y[i];
                for (int c = 0; c < p; c++) {
                    xtwx[a][c] += w[i] * x[i][a] * x[i][c];
                }
            }
        }
        try {
            xtwxInverse = new CholeskyDecomposition(new Array2DRowRealMatrix(xtwx, false), 1e-14, 1e-12)
                    .getSolver().getInverse();
        } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
            throw new InputException("the moderators are collinear (or constant): drop a redundant moderator", e);
        }
        unscaledCovariance = xtwxInverse.getData();
        b = xtwxInverse.operate(xtwy);
        double rss = 0;
        for (int i = 0; i < k; i++) {
            double e = residual(i);
            rss += w[i] * e * e;
        }
        q = rss;
    }

    double residual(int i) {
        double fitted = 0;
        for (int a = 0; a < b.length; a++) {
            fitted += x[i][a] * b[a];
        }
        return y[i] - fitted;
    }

    /** @return the residual-projection matrix P */
    double[][] projection() {
        int k = w.length;
        int p = b.length;
        double[][] wx = new double[k][p];
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < p; a++) {
                wx[i][a] = w[i] * x[i][a];
            }
        }
        RealMatrix wxm = new Array2DRowRealMatrix(wx, false);
        double[][] hat = wxm.multiply(xtwxInverse).multiplyTransposed(wxm).getData();
        double[][] proj = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                proj[i][j] = (i == j ? w[i] : 0) - hat[i][j];
            }
        }
        return proj;
    }

    /** @return tr(P) */
    double traceP() {
        double[][] proj = projection();
        double t = 0;
        for (int i = 0; i < proj.length; i++) {
            t += proj[i][i];
        }
        return t;
    }

    /** @return the Fisher-scoring step for the REML (or ML) estimate of tau² (Viechtbauer 2005, eqs. 9, 11) */
    double scoringStep(boolean restricted) {
        int k = w.length;
        double[][] proj = projection();
        double yppy = 0;
        for (int i = 0; i < k; i++) {
            double py = w[i] * residual(i);
            yppy += py * py;
        }
        if (!restricted) {
            double sw = 0;
            double sw2 = 0;
            for (double wi : w) {
                sw += wi;
                sw2 += wi * wi;
            }
            return (yppy - sw) / sw2;
        }
        double tr = 0;
        double trpp = 0;
        for (int i = 0; i < k; i++) {
            tr += proj[i][i];
            for (int j = 0; j < k; j++) {
                trpp += proj[i][j] * proj[j][i];
            }
        }
        return (yppy - tr) / trpp;
    }
}
