package org.synergia.lewie.simulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.lewie.model.Economy;
import org.synergia.lewie.model.Equilibrium;
import org.synergia.lewie.model.PriceRegime;

/**
 * A scenario compared with the baseline (Taylor and Filipski 2014, ch. 5). The nominal income
 * multiplier is the change in total household income (transfers included) per unit injected
 * (transfers plus programme cost); the real multiplier deflates each group's income by its
 * consumer price index; production multipliers are the change in the value (nominal) or
 * quantity (real) of local output per unit injected. When nothing is injected (a productivity
 * shock without a cost), the same quantities are reported as absolute changes, named
 * {@code *_change} instead of {@code *_multiplier}. Immutable.
 */
public final class SimulationResult {

    private final Economy economy;
    private final Scenario scenario;
    private final PriceRegime regime;
    private final LabourSupply labour;
    private final Equilibrium baseline;
    private final Equilibrium simulated;
    private final Map<String, Double> statistics;

    SimulationResult(Economy economy, Scenario scenario, PriceRegime regime, LabourSupply labour,
            Equilibrium baseline, Equilibrium simulated) {
        this.economy = economy;
        this.scenario = scenario;
        this.regime = regime;
        this.labour = labour;
        this.baseline = baseline;
        this.simulated = simulated;
        this.statistics = Collections.unmodifiableMap(computeStatistics());
    }

    private Map<String, Double> computeStatistics() {
        List<String> groups = economy.groups();
        List<String> goods = economy.goods();
        double injection = scenario.injection();
        boolean perUnit = injection > 0;
        double scale = perUnit ? injection : 1;
        String kind = perUnit ? "_multiplier" : "_change";
        double[] dIncome = new double[groups.size()];
        double[] dReal = new double[groups.size()];
        for (int h = 0; h < groups.size(); h++) {
            dIncome[h] = simulated.income(h) - baseline.income(h);
            dReal[h] = simulated.income(h) / simulated.cpi(h) - baseline.income(h) / baseline.cpi(h);
        }
        double[] dValue = new double[goods.size()];
        double[] dQuantity = new double[goods.size()];
        for (int k = 0; k < economy.activityCount(); k++) {
            int g = economy.activityGood(k);
            int v = economy.village(economy.activityGroup(k));
            dValue[g] += simulated.price(g, v) * simulated.output(k) - baseline.price(g, v) * baseline.output(k);
            dQuantity[g] += simulated.output(k) - baseline.output(k);
        }
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("income" + kind, sum(dIncome) / scale);
        s.put("real_income" + kind, sum(dReal) / scale);
        s.put("production" + kind, sum(dValue) / scale);
        s.put("real_production" + kind, sum(dQuantity) / scale);
        for (int h = 0; h < groups.size(); h++) {
            s.put("income" + kind + "[" + groups.get(h) + "]", dIncome[h] / scale);
        }
        for (int h = 0; h < groups.size(); h++) {
            s.put("real_income" + kind + "[" + groups.get(h) + "]", dReal[h] / scale);
        }
        for (int g = 0; g < goods.size(); g++) {
            s.put("production" + kind + "[" + goods.get(g) + "]", dValue[g] / scale);
        }
        for (int g = 0; g < goods.size(); g++) {
            s.put("real_production" + kind + "[" + goods.get(g) + "]", dQuantity[g] / scale);
        }
        for (int g = 0; g < goods.size(); g++) {
            s.put("price_change_pct[" + goods.get(g) + "]", 100 * (averagePrice(simulated, g) - averagePrice(baseline, g))
                    / averagePrice(baseline, g));
        }
        return s;
    }

    /** Price of a good averaged over villages with baseline consumption weights. */
    private double averagePrice(Equilibrium eq, int g) {
        double num = 0;
        double den = 0;
        for (int h = 0; h < economy.groups().size(); h++) {
            double w = economy.baselineConsumption(h, g);
            num += w * eq.price(g, economy.village(h));
            den += w;
        }
        return den > 0 ? num / den : eq.price(g, 0);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    /** @return the economy simulated */
    public Economy economy() {
        return economy;
    }

    /** @return the scenario */
    public Scenario scenario() {
        return scenario;
    }

    /** @return how prices were determined */
    public PriceRegime regime() {
        return regime;
    }

    /** @return the supply of hired factors */
    public LabourSupply labour() {
        return labour;
    }

    /** @return the solved baseline */
    public Equilibrium baseline() {
        return baseline;
    }

    /** @return the solved scenario */
    public Equilibrium simulated() {
        return simulated;
    }

    /** @return true when statistics are per unit injected (multipliers), false when they are absolute changes */
    public boolean perUnit() {
        return scenario.injection() > 0;
    }

    /**
     * The named results, in display order: {@code income_multiplier}, {@code real_income_multiplier},
     * {@code production_multiplier}, {@code real_production_multiplier}, then
     * {@code income_multiplier[group]}, {@code real_income_multiplier[group]},
     * {@code production_multiplier[good]}, {@code real_production_multiplier[good]} and
     * {@code price_change_pct[good]} ({@code _change} instead of {@code _multiplier} when nothing is injected).
     *
     * @return the statistics by name
     */
    public Map<String, Double> statistics() {
        return statistics;
    }

    /** @return the nominal income multiplier (or change) */
    public double incomeMultiplier() {
        return statistics.values().iterator().next();
    }

    /** @return the real income multiplier (or change) */
    public double realIncomeMultiplier() {
        return statistics.get(perUnit() ? "real_income_multiplier" : "real_income_change");
    }

    /** @return the nominal production multiplier (or change) */
    public double productionMultiplier() {
        return statistics.get(perUnit() ? "production_multiplier" : "production_change");
    }
}
