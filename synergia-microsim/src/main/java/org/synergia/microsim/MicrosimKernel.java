package org.synergia.microsim;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-household computation shared by every engine: for each scenario, who is reached (from
 * targeting and a per-household take-up draw), and for each draw of the effects the household's
 * new consumption per capita, added to the {@link OutcomeSums}. Engines only decide how chunks are
 * read and where partial sums are combined, so they agree up to floating-point summation order.
 * Poverty and inequality are over persons (household weight x size).
 */
public final class MicrosimKernel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ScenarioModel model;
    private final List<Scenario> scenarios;
    private final double[][] effects;
    private final long seed;

    /**
     * @param model the scenario model
     * @param scenarios the scenarios to simulate
     * @param draws number of effect draws (0 = point estimates only)
     * @param seed seed of the effect and take-up draws
     */
    public MicrosimKernel(ScenarioModel model, List<Scenario> scenarios, int draws, long seed) {
        if (scenarios.isEmpty()) {
            throw new org.synergia.data.InputException("no scenario to simulate");
        }
        this.model = model;
        this.scenarios = List.copyOf(scenarios);
        this.effects = model.effectDraws(seed, draws);
        this.seed = seed;
    }

    /** @return empty sums for this run */
    public OutcomeSums newSums() {
        return new OutcomeSums(model, scenarios.size(), effects.length - 1);
    }

    /**
     * Adds a chunk's households to the sums.
     *
     * @param c the chunk
     * @param sums the sums of this thread or partition
     */
    public void accumulate(PopulationChunk c, OutcomeSums sums) {
        double line = model.povertyLine();
        Programme a = model.first();
        Programme b = model.second();
        int draws = effects.length;
        for (int i = 0; i < c.rows; i++) {
            double persons = c.weight[i] * c.size[i];
            double y0 = c.consumption[i];
            sums.baselineFgt.add(y0, persons);
            int bin0 = sums.baselineGini.bin(y0);
            sums.baselineGini.add(y0, persons);
            boolean poor = y0 < line;
            boolean eligibleA = a.targeting().eligible(c, i);
            boolean eligibleB = b.targeting().eligible(c, i);
            double ua = HouseholdDraws.uniform(seed, c.id[i], 0);
            double ub = HouseholdDraws.uniform(seed, c.id[i], 1);
            for (int s = 0; s < scenarios.size(); s++) {
                Scenario sc = scenarios.get(s);
                boolean reachA;
                boolean reachB;
                if (sc.jointTargeting()) {
                    boolean both = eligibleA && eligibleB && ua < Math.min(a.takeUp(), b.takeUp());
                    reachA = both;
                    reachB = both;
                } else {
                    reachA = sc.first() && eligibleA && ua < a.takeUp();
                    reachB = sc.second() && eligibleB && ub < b.takeUp();
                }
                double[] r = sums.reach[s];
                boolean reached = reachA || reachB;
                if (poor) {
                    r[0] += persons;
                    if (reached) {
                        r[1] += persons;
                    }
                }
                if (reached) {
                    r[2] += persons;
                    if (!poor) {
                        r[3] += persons;
                    }
                    r[4] += c.weight[i] * ((reachA ? a.costPerHousehold() : 0) + (reachB ? b.costPerHousehold() : 0));
                }
                for (int d = 0; d < draws; d++) {
                    double[] e = effects[d];
                    double gain = (reachA ? e[0] : 0) + (reachB ? e[1] : 0) + (reachA && reachB ? e[2] : 0);
                    double y = reached ? Math.max(0, y0 + gain / c.size[i]) : y0;
                    sums.fgt[s][d].add(y, persons);
                    sums.gini[s][d].add(y, persons);
                    if (reached) {
                        sums.gainByBin[s][d][bin0] += persons * (y - y0);
                    }
                }
            }
        }
    }

    /**
     * Turns the combined sums into outcomes: values at the point estimates and summaries over
     * the draws.
     *
     * @param sums the sums over the whole population
     * @param simulatedData whether the population or effects come from simulated data (label)
     * @return the result
     */
    public MicrosimResult finish(OutcomeSums sums, boolean simulatedData) {
        if (!(sums.baselineFgt.weight() > 0)) {
            throw new org.synergia.data.InputException("population has no household with positive weight");
        }
        double persons = sums.baselineFgt.weight();
        int[] decile = deciles(sums);
        double base1 = sums.baselineFgt.fgt(1);
        List<MicrosimResult.ScenarioResult> out = new ArrayList<>();
        int draws = effects.length;
        for (int s = 0; s < scenarios.size(); s++) {
            List<String> names = new ArrayList<>(List.of("FGT0", "FGT1", "FGT2", "Gini"));
            for (int k = 1; k <= 10; k++) {
                names.add("incidence[" + k + "]");
            }
            names.addAll(List.of("coverage_poor", "leakage", "cost_per_gap_reduction"));
            double[][] v = new double[names.size()][draws];
            double[] r = sums.reach[s];
            double bound = 0;
            for (int d = 0; d < draws; d++) {
                v[0][d] = sums.fgt[s][d].fgt(0);
                v[1][d] = sums.fgt[s][d].fgt(1);
                v[2][d] = sums.fgt[s][d].fgt(2);
                v[3][d] = sums.gini[s][d].gini();
                bound = Math.max(bound, sums.gini[s][d].errorBound());
                double[] byDecile = new double[10];
                double total = 0;
                double[] g = sums.gainByBin[s][d];
                for (int bin = 0; bin < g.length; bin++) {
                    byDecile[decile[bin]] += g[bin];
                    total += g[bin];
                }
                for (int k = 0; k < 10; k++) {
                    v[4 + k][d] = total == 0 ? 0 : byDecile[k] / total;
                }
                v[14][d] = r[0] > 0 ? r[1] / r[0] : 0;
                v[15][d] = r[2] > 0 ? r[3] / r[2] : 0;
                double gapClosed = (base1 - v[1][d]) * model.povertyLine() * persons;
                v[16][d] = gapClosed > 0 ? r[4] / gapClosed : Double.POSITIVE_INFINITY;
            }
            List<MicrosimResult.Statistic> stats = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                stats.add(MicrosimResult.Statistic.of(names.get(k), v[k]));
            }
            out.add(new MicrosimResult.ScenarioResult(scenarios.get(s).name(), r[4], r[2], stats, bound));
        }
        return new MicrosimResult(model.povertyLine(), persons, sums.baselineFgt.fgt(0), sums.baselineFgt.fgt(1),
                sums.baselineFgt.fgt(2), sums.baselineGini.gini(), draws - 1, seed, simulatedData, out);
    }

    /** Baseline decile (0-based) of each income bin: by the weight midpoint of the bin. */
    private static int[] deciles(OutcomeSums sums) {
        int bins = sums.baselineGini.binCount();
        double total = sums.baselineGini.totalWeight();
        int[] decile = new int[bins];
        double below = 0;
        for (int b = 0; b < bins; b++) {
            double w = sums.baselineGini.binWeight(b);
            decile[b] = Math.min(9, (int) Math.floor(10 * (below + w / 2) / total));
            below += w;
        }
        return decile;
    }
}
