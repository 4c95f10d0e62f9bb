package org.synergia.measures.poverty;

import java.util.ArrayList;
import java.util.List;
import org.synergia.data.InputException;

/**
 * Incidence of a transfer by quantile group of pre-transfer income (benefit incidence analysis;
 * Demery 2000): for each group, its population share, its share of all transfers, coverage (the
 * weighted share of its rows receiving a positive transfer), the mean transfer per person, and
 * transfers as a share of the group's pre-transfer income. Groups follow
 * {@link IncomeDistribution#quantileGroups}.
 */
public final class TransferIncidence {

    private TransferIncidence() {
    }

    /**
     * One quantile group's incidence.
     *
     * @param group 1-based group number (1 = poorest)
     * @param populationShare weighted share of rows in the group
     * @param transferShare share of all transfers received by the group
     * @param coverage weighted share of the group's rows with a positive transfer
     * @param meanTransfer weighted mean transfer per row in the group
     * @param transferToIncome the group's transfers over its pre-transfer income (0 when it
     *     receives nothing; infinite when it receives transfers but has no income)
     */
    public record Row(int group, double populationShare, double transferShare, double coverage,
            double meanTransfer, double transferToIncome) {
    }

    /**
     * @param income pre-transfer income per row
     * @param transfer transfer received per row, non-negative
     * @param weights weights per row (null for equal weights)
     * @param groups number of quantile groups, e.g. 10 for deciles
     * @return one row per group, poorest first
     */
    public static List<Row> byQuantile(double[] income, double[] transfer, double[] weights, int groups) {
        if (transfer.length != income.length) {
            throw new InputException("transfer has " + transfer.length + " values but income has " + income.length);
        }
        IncomeDistribution dist = IncomeDistribution.of(income, weights);
        int[] group = dist.quantileGroups(groups);
        double[] weight = new double[groups];
        double[] covered = new double[groups];
        double[] received = new double[groups];
        double[] groupIncome = new double[groups];
        double totalTransfer = 0;
        for (int i = 0; i < income.length; i++) {
            if (!(transfer[i] >= 0) || Double.isInfinite(transfer[i])) {
                throw new InputException("transfer at row " + (i + 1) + " is " + transfer[i]
                        + ": transfers must be non-negative and finite");
            }
            double w = weights == null ? 1 : weights[i];
            int g = group[i];
            weight[g] += w;
            received[g] += w * transfer[i];
            groupIncome[g] += w * income[i];
            if (transfer[i] > 0) {
                covered[g] += w;
            }
            totalTransfer += w * transfer[i];
        }
        if (totalTransfer == 0) {
            throw new InputException("no row receives a positive transfer: incidence is undefined");
        }
        List<Row> rows = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            if (weight[g] == 0) {
                throw new InputException("quantile group " + (g + 1) + " of " + groups
                        + " is empty (many tied incomes): use fewer groups");
            }
            rows.add(new Row(g + 1, weight[g] / dist.totalWeight(), received[g] / totalTransfer, covered[g] / weight[g],
                    received[g] / weight[g], received[g] == 0 ? 0 : received[g] / groupIncome[g]));
        }
        return List.copyOf(rows);
    }
}
