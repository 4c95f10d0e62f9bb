package org.synergia.lewie.survey;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.Share;

/**
 * Simulates the LEWIE columns of a household survey from planted parameters, with the column
 * mapping that calibrates them back ({@link SurveyCalibration}). Every group gets
 * {@code householdsPerGroup} households whose weights sum to the group's size, spread over
 * clusters. Each activity's factor inputs are log-normal and its output is
 * {@code c prod_f F_f^b_f exp(u)}, {@code u ~ N(0, 0.25^2)}, so the production regression
 * recovers the planted shares up to sampling error; spending, purchases, outflows and wage income
 * are drawn with noise and then rescaled so that the weighted means and ratio shares equal the
 * planted values exactly. Columns: {@code group}, {@code weight}, {@code cluster},
 * {@code output_<good>}, {@code <factor>_<good>} (input quantity), {@code purchase_<input>_<good>},
 * {@code spend_<good>}, {@code savings}, {@code outside}, {@code transfers_out},
 * {@code income_<factor>}.
 */
public final class SimulatedLewieSurvey {

    private static final double OUTPUT_NOISE = 0.25;
    private static final double INPUT_SPREAD = 0.6;
    private static final double SPENDING_NOISE = 0.3;

    /**
     * A simulated survey and its mapping.
     *
     * @param survey one row per household
     * @param mapping the column mapping that calibrates the planted economy back
     */
    public record Result(Dataset survey, SurveyCalibration mapping) {
    }

    private SimulatedLewieSurvey() {
    }

    /**
     * @param planted the economy to plant
     * @param householdsPerGroup households sampled per group (at least 20)
     * @param clusters clusters per group (at least 2)
     * @param seed the random seed
     * @return the survey and its mapping
     */
    public static Result simulate(LewieParameters planted, int householdsPerGroup, int clusters, long seed) {
        if (householdsPerGroup < 20 || clusters < 2 || clusters > householdsPerGroup) {
            throw new InputException("simulated LEWIE survey: need at least 20 households and 2 clusters per group"
                    + " (and no more clusters than households); got " + householdsPerGroup + " and " + clusters);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int nH = planted.groups().size();
        int n = nH * householdsPerGroup;
        String[] group = new String[n];
        double[] weight = new double[n];
        double[] cluster = new double[n];
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int h = 0; h < nH; h++) {
            LewieParameters.Group g = planted.groups().get(h);
            int from = h * householdsPerGroup;
            int to = from + householdsPerGroup;
            double[] raw = new double[householdsPerGroup];
            double rawSum = 0;
            for (int i = 0; i < householdsPerGroup; i++) {
                raw[i] = 0.5 + rng.nextDouble();
                rawSum += raw[i];
            }
            for (int i = from; i < to; i++) {
                group[i] = g.name();
                weight[i] = raw[i - from] * g.households() / rawSum;
                cluster[i] = h * clusters + (i - from) % clusters + 1;
            }
            // spending and outflows
            double[] spend = new double[n];
            for (int i = from; i < to; i++) {
                spend[i] = Math.exp(SPENDING_NOISE * rng.nextGaussian());
            }
            rescale(spend, weight, from, to, g.expenditure());
            double totalSpend = weightedTotal(spend, weight, from, to);
            for (Map.Entry<String, Share> b : g.budgetShares().entrySet()) {
                double[] c = column(cols, "spend_" + b.getKey(), n);
                fill(c, spend, weight, from, to, b.getValue().value() * totalSpend, rng);
            }
            double leak = g.savings().value() + g.outside().value() + g.transfersOut().value();
            double income = totalSpend / (1 - leak);
            fill(column(cols, "savings", n), spend, weight, from, to, g.savings().value() * income, rng);
            fill(column(cols, "outside", n), spend, weight, from, to, g.outside().value() * income, rng);
            fill(column(cols, "transfers_out", n), spend, weight, from, to, g.transfersOut().value() * income, rng);
            for (Map.Entry<String, Double> fi : g.factorIncome().entrySet()) {
                double total = fi.getValue() * weightedTotal(ones(n), weight, from, to);
                fill(column(cols, "income_" + fi.getKey(), n), ones(n), weight, from, to, total, rng);
            }
            // production
            for (LewieParameters.Activity a : planted.activities()) {
                if (!a.group().equals(g.name())) {
                    continue;
                }
                double[] q = column(cols, "output_" + a.good(), n);
                for (int i = from; i < to; i++) {
                    double logQ = OUTPUT_NOISE * rng.nextGaussian();
                    for (Map.Entry<String, Share> f : a.factorShares().entrySet()) {
                        double x = Math.exp(INPUT_SPREAD * rng.nextGaussian());
                        column(cols, f.getKey() + "_" + a.good(), n)[i] = x;
                        logQ += f.getValue().value() * Math.log(x);
                    }
                    q[i] = Math.exp(logQ);
                }
                rescale(q, weight, from, to, a.output());
                double totalOutput = weightedTotal(q, weight, from, to);
                for (Map.Entry<String, Share> m : a.intermediateShares().entrySet()) {
                    fill(column(cols, "purchase_" + m.getKey() + "_" + a.good(), n), q, weight, from, to,
                            m.getValue().value() * totalOutput, rng);
                }
            }
        }
        Dataset.Builder b = Dataset.builder("simulated LEWIE survey").addStrings("group", group)
                .addNumeric("weight", weight).addNumeric("cluster", cluster);
        cols.forEach(b::addNumeric);
        return new Result(b.build(), mapping(planted));
    }

    /** The mapping of the simulated columns. */
    private static SurveyCalibration mapping(LewieParameters p) {
        Map<String, String> villages = new LinkedHashMap<>();
        p.groups().forEach(g -> villages.put(g.name(), g.village()));
        Map<String, Double> sizes = new LinkedHashMap<>();
        p.groups().forEach(g -> sizes.put(g.name(), g.households()));
        SurveyCalibration m = SurveyCalibration.of(p.name(), p.currency(), p.goods(), p.factors(), "group")
                .withWeights("weight").withClusters("cluster").withVillages(villages).withGroupSizes(sizes)
                .withConstrainedElasticity(p.constrainedElasticity());
        Map<String, String> spending = new LinkedHashMap<>();
        Map<String, String> income = new LinkedHashMap<>();
        for (LewieParameters.Group g : p.groups()) {
            g.budgetShares().keySet().forEach(good -> spending.put(good, "spend_" + good));
            g.factorIncome().keySet().forEach(f -> income.put(f, "income_" + f));
        }
        Map<String, Map<String, String>> inputs = new LinkedHashMap<>();
        Map<String, Map<String, String>> purchases = new LinkedHashMap<>();
        for (LewieParameters.Activity a : p.activities()) {
            Map<String, String> in = inputs.computeIfAbsent(a.good(), k -> new LinkedHashMap<>());
            a.factorShares().keySet().forEach(f -> in.put(f, f + "_" + a.good()));
            Map<String, String> pu = purchases.computeIfAbsent(a.good(), k -> new LinkedHashMap<>());
            a.intermediateShares().keySet().forEach(g -> pu.put(g, "purchase_" + g + "_" + a.good()));
        }
        for (String good : inputs.keySet()) {
            m = m.withActivity(good, new SurveyCalibration.ActivityColumns("output_" + good, inputs.get(good),
                    purchases.get(good)));
        }
        return m.withExpenditure(spending).withOutflows("savings", "outside", "transfers_out").withFactorIncome(income);
    }

    private static double[] column(Map<String, double[]> cols, String name, int n) {
        return cols.computeIfAbsent(name, k -> new double[n]);
    }

    /** Fills rows [from, to) with base x noise, rescaled to a weighted total. */
    private static void fill(double[] c, double[] base, double[] w, int from, int to, double total,
            SplittableRandom rng) {
        if (total == 0) {
            return;
        }
        for (int i = from; i < to; i++) {
            c[i] = base[i] * Math.exp(0.2 * rng.nextGaussian());
        }
        double t = weightedTotal(c, w, from, to);
        for (int i = from; i < to; i++) {
            c[i] *= total / t;
        }
    }

    /** Rescales rows [from, to) to a weighted mean. */
    private static void rescale(double[] c, double[] w, int from, int to, double mean) {
        double t = weightedTotal(c, w, from, to) / weightedTotal(ones(c.length), w, from, to);
        for (int i = from; i < to; i++) {
            c[i] *= mean / t;
        }
    }

    private static double weightedTotal(double[] c, double[] w, int from, int to) {
        double t = 0;
        for (int i = from; i < to; i++) {
            t += w[i] * c[i];
        }
        return t;
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        Arrays.fill(o, 1);
        return o;
    }
}
