package org.synergia.lewie.model;

import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.synergia.lewie.params.FactorMarket;
import org.synergia.lewie.params.GoodMarket;

/**
 * The fixed-price social accounting matrix (SAM) multiplier of the calibrated accounts (Pyatt
 * and Round 1979, <i>Economic Journal</i> 89:850-873, eq. 4: {@code x = (I - A)^-1 n}). The
 * endogenous accounts are the local goods' markets that have local producers, the activities
 * producing them, the hired factors' markets and the household groups; {@code A} holds each
 * account's baseline outlay shares to the other endogenous accounts (everything else, such as
 * imports, world-traded goods, savings, outside spending and transfers out, leaks). This is the
 * benchmark the general-equilibrium model reduces to when every supply is perfectly elastic.
 */
public final class SamMultiplier {

    private final Economy e;
    private final RealMatrix inverse;
    private final int householdOffset;
    private final int[] activityAccount;

    private SamMultiplier(Economy e) {
        this.e = e;
        int nG = e.goods.length;
        int nF = e.factors.length;
        int nV = e.villages.length;
        int nK = e.output0.length;
        int nH = e.groups.length;
        double[][] supply = new double[nG][nV];
        double[][] hired = new double[nF][nV];
        for (int k = 0; k < nK; k++) {
            int v = e.groupVillage[e.actGroup[k]];
            supply[e.actGood[k]][e.goodMarketIndex(e.actGood[k], v)] += e.output0[k];
            for (int f = 0; f < nF; f++) {
                if (e.factorMarket[f] != FactorMarket.FIXED) {
                    hired[f][e.factorMarketIndex(f, v)] += e.factorUse0[k][f];
                }
            }
        }
        int n = 0;
        int[][] commodity = new int[nG][nV];
        for (int g = 0; g < nG; g++) {
            for (int m = 0; m < nV; m++) {
                boolean exists = e.goodMarket[g] != GoodMarket.WORLD && supply[g][m] > 0;
                commodity[g][m] = exists ? n++ : -1;
            }
        }
        activityAccount = new int[nK];
        for (int k = 0; k < nK; k++) {
            int g = e.actGood[k];
            activityAccount[k] = commodity[g][e.goodMarketIndex(g, e.groupVillage[e.actGroup[k]])] >= 0 ? n++ : -1;
        }
        int[][] factor = new int[nF][nV];
        for (int f = 0; f < nF; f++) {
            for (int m = 0; m < nV; m++) {
                factor[f][m] = e.factorMarket[f] != FactorMarket.FIXED && hired[f][m] > 0 ? n++ : -1;
            }
        }
        householdOffset = n;
        n += nH;
        double[][] a = new double[n][n];
        for (int k = 0; k < nK; k++) {
            int col = activityAccount[k];
            if (col < 0) {
                continue;
            }
            int v = e.groupVillage[e.actGroup[k]];
            double q = e.output0[k];
            double rent = q;
            for (int g = 0; g < nG; g++) {
                rent -= e.inter[k][g] * q;
                int row = commodity[g][e.goodMarketIndex(g, v)];
                if (row >= 0) {
                    a[row][col] += e.inter[k][g];
                }
            }
            for (int f = 0; f < nF; f++) {
                if (e.factorMarket[f] != FactorMarket.FIXED) {
                    a[factor[f][e.factorMarketIndex(f, v)]][col] += e.factorUse0[k][f] / q;
                    rent -= e.factorUse0[k][f];
                }
            }
            a[householdOffset + e.actGroup[k]][col] += rent / q;
            int market = commodity[e.actGood[k]][e.goodMarketIndex(e.actGood[k], v)];
            a[col][market] += q / supply[e.actGood[k]][e.goodMarketIndex(e.actGood[k], v)];
        }
        for (int f = 0; f < nF; f++) {
            for (int h = 0; h < nH; h++) {
                int col = factor[f][e.factorMarketIndex(f, e.groupVillage[h])];
                if (col >= 0) {
                    a[householdOffset + h][col] += e.theta[f][h];
                }
            }
        }
        for (int h = 0; h < nH; h++) {
            for (int g = 0; g < nG; g++) {
                int row = commodity[g][e.goodMarketIndex(g, e.groupVillage[h])];
                if (row >= 0) {
                    a[row][householdOffset + h] += e.consumption0[h][g] / e.income0[h];
                }
            }
        }
        RealMatrix iMinusA = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                iMinusA.setEntry(i, j, (i == j ? 1 : 0) - a[i][j]);
            }
        }
        inverse = new LUDecomposition(iMinusA).getSolver().getInverse();
    }

    /**
     * @param economy a calibrated economy
     * @return its SAM multiplier matrix
     */
    public static SamMultiplier of(Economy economy) {
        return new SamMultiplier(economy);
    }

    /**
     * The response of the endogenous accounts to transfers.
     *
     * @param transfer the transfer to each group
     * @return the change in each group's income (transfers included)
     */
    public double[] incomeChange(double[] transfer) {
        double[] x = response(transfer);
        double[] y = new double[e.groups.length];
        System.arraycopy(x, householdOffset, y, 0, y.length);
        return y;
    }

    /**
     * The SAM income multiplier of transfers: the change in total household income (transfers
     * included) per unit transferred.
     *
     * @param transfers the total transfer to each named group
     * @return the multiplier, or NaN when nothing is transferred
     * @throws org.synergia.data.InputException when a group is not in the economy
     */
    public double incomeMultiplier(Map<String, Double> transfers) {
        double[] t = new double[e.groups.length];
        double total = 0;
        for (Map.Entry<String, Double> g : transfers.entrySet()) {
            t[e.group(g.getKey())] += g.getValue();
            total += g.getValue();
        }
        if (total == 0) {
            return Double.NaN;
        }
        double dy = 0;
        for (double d : incomeChange(t)) {
            dy += d;
        }
        return dy / total;
    }

    /**
     * @param transfer the transfer to each group
     * @return the change in each activity's output (0 for activities of world-traded goods)
     */
    public double[] outputChange(double[] transfer) {
        double[] x = response(transfer);
        double[] q = new double[activityAccount.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = activityAccount[k] >= 0 ? x[activityAccount[k]] : 0;
        }
        return q;
    }

    private double[] response(double[] transfer) {
        double[] injection = new double[inverse.getRowDimension()];
        System.arraycopy(transfer, 0, injection, householdOffset, transfer.length);
        return inverse.operate(new ArrayRealVector(injection, false)).toArray();
    }
}
