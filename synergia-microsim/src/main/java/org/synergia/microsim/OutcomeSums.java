package org.synergia.microsim;

import java.io.Serializable;
import org.synergia.measures.poverty.FgtAccumulator;
import org.synergia.measures.poverty.GiniAccumulator;

/**
 * The mergeable sums of one run over any subset of households: the baseline FGT and income
 * histogram, and per scenario and draw the FGT sums, the post-programme histogram and the gains
 * by baseline income bin (mapped to deciles at the end), plus the draw-free reach and cost sums.
 * Combine partial sums from threads or partitions with {@link #combine}.
 */
public final class OutcomeSums implements Serializable {

    private static final long serialVersionUID = 1L;

    final FgtAccumulator baselineFgt;
    final GiniAccumulator baselineGini;
    final FgtAccumulator[][] fgt;
    final GiniAccumulator[][] gini;
    final double[][][] gainByBin;
    /** per scenario: poor persons, poor persons reached, persons reached, non-poor persons reached, cost. */
    final double[][] reach;

    OutcomeSums(ScenarioModel model, int scenarios, int draws) {
        baselineFgt = new FgtAccumulator(model.povertyLine());
        baselineGini = grid(model);
        fgt = new FgtAccumulator[scenarios][draws + 1];
        gini = new GiniAccumulator[scenarios][draws + 1];
        gainByBin = new double[scenarios][draws + 1][baselineGini.binCount()];
        reach = new double[scenarios][5];
        for (int s = 0; s < scenarios; s++) {
            for (int d = 0; d <= draws; d++) {
                fgt[s][d] = new FgtAccumulator(model.povertyLine());
                gini[s][d] = grid(model);
            }
        }
    }

    static GiniAccumulator grid(ScenarioModel model) {
        return new GiniAccumulator(model.gridLow(), model.gridHigh(), model.gridBins());
    }

    /**
     * Adds another run's partial sums.
     *
     * @param other sums over other households (same model, scenarios and draws)
     * @return this
     */
    public OutcomeSums combine(OutcomeSums other) {
        baselineFgt.combine(other.baselineFgt);
        baselineGini.combine(other.baselineGini);
        for (int s = 0; s < fgt.length; s++) {
            for (int d = 0; d < fgt[s].length; d++) {
                fgt[s][d].combine(other.fgt[s][d]);
                gini[s][d].combine(other.gini[s][d]);
                double[] g = gainByBin[s][d];
                double[] o = other.gainByBin[s][d];
                for (int b = 0; b < g.length; b++) {
                    g[b] += o[b];
                }
            }
            for (int k = 0; k < reach[s].length; k++) {
                reach[s][k] += other.reach[s][k];
            }
        }
        return this;
    }
}
