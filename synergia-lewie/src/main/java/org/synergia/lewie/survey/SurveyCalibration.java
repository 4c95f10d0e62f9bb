package org.synergia.lewie.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.Share;
import org.synergia.measures.survey.SurveyDesign;
import org.synergia.measures.survey.SurveyEstimator;
import org.synergia.stats.glm.Family;
import org.synergia.stats.glm.Glm;
import org.synergia.stats.glm.GlmFit;
import org.synergia.stats.glm.Link;
import org.synergia.stats.glm.WeightKind;
import org.synergia.stats.inference.Clusters;
import org.synergia.stats.inference.VarianceType;

/**
 * Builds {@link LewieParameters} from a household survey (Taylor and Filipski 2014, ch. 4-5):
 * <ul>
 * <li>quantities are weighted group means per household (output by activity, consumption
 *     spending, wage income), multiplied in calibration by the group's size (by default the sum of
 *     its sampling weights);</li>
 * <li>factor shares come from a constant-returns Cobb-Douglas production regression per activity
 *     and group, by weighted least squares with robust (or cluster-robust) standard errors, on the
 *     households with positive output and positive inputs:
 *     {@code ln(Q / F_last) = c + sum_{f != last} b_f ln(F_f / F_last)}, {@code b_last = 1 - sum b_f},
 *     {@code se(b_last) = sqrt(1' V 1)};</li>
 * <li>budget shares (spending on a good over total spending), intermediate input shares (purchases
 *     over output value) and the savings, outside-spending and transfers-out shares of income
 *     (income = spending + savings + outside spending + transfers out) are ratios of weighted
 *     totals with Taylor-linearised SEs ({@link SurveyEstimator#ratio}), clustered when a cluster
 *     column is given.</li>
 * </ul>
 * The column mapping is set fluently and is documented in {@code docs/lewie.md}. Immutable.
 */
public final class SurveyCalibration {

    /**
     * The survey columns of one production activity.
     *
     * @param output the column holding the value of output per household (0 for non-producers)
     * @param factorInputs for each factor, the column holding the quantity used (days, hectares,
     *     value of capital); every factor with a share in the activity is needed
     * @param intermediates for each input good, the column holding the value purchased for the activity
     */
    public record ActivityColumns(String output, Map<String, String> factorInputs, Map<String, String> intermediates) {
        /** Copies the maps. */
        public ActivityColumns {
            factorInputs = Collections.unmodifiableMap(new LinkedHashMap<>(factorInputs));
            intermediates = Collections.unmodifiableMap(new LinkedHashMap<>(intermediates == null ? Map.of()
                    : intermediates));
        }
    }

    /**
     * One production regression.
     *
     * @param group the group
     * @param good the activity's good
     * @param rows households used (positive output and inputs)
     * @param shares the factor shares with their SEs
     */
    public record ProductionRegression(String group, String good, int rows, Map<String, Share> shares) {
    }

    /**
     * The outcome of a calibration from a survey.
     *
     * @param parameters the parameters, ready for {@code Economy.calibrate} and Monte Carlo
     * @param regressions the production regressions behind the factor shares
     */
    public record Result(LewieParameters parameters, List<ProductionRegression> regressions) {
    }

    private final String name;
    private final String currency;
    private final List<LewieParameters.Good> goods;
    private final List<LewieParameters.Factor> factors;
    private final double constrainedElasticity;
    private final String groupColumn;
    private final String weightColumn;
    private final String clusterColumn;
    private final Map<String, String> villages;
    private final Map<String, Double> groupSizes;
    private final Map<String, ActivityColumns> activities;
    private final Map<String, String> expenditure;
    private final Map<String, String> factorIncome;
    private final String savings;
    private final String outside;
    private final String transfersOut;
    private final int minRows;

    private SurveyCalibration(String name, String currency, List<LewieParameters.Good> goods,
            List<LewieParameters.Factor> factors, double constrainedElasticity, String groupColumn, String weightColumn,
            String clusterColumn, Map<String, String> villages, Map<String, Double> groupSizes,
            Map<String, ActivityColumns> activities, Map<String, String> expenditure, Map<String, String> factorIncome,
            String savings, String outside, String transfersOut, int minRows) {
        this.name = name;
        this.currency = currency;
        this.goods = List.copyOf(goods);
        this.factors = List.copyOf(factors);
        this.constrainedElasticity = constrainedElasticity;
        this.groupColumn = groupColumn;
        this.weightColumn = weightColumn;
        this.clusterColumn = clusterColumn;
        this.villages = frozen(villages);
        this.groupSizes = frozen(groupSizes);
        this.activities = frozen(activities);
        this.expenditure = frozen(expenditure);
        this.factorIncome = frozen(factorIncome);
        this.savings = savings;
        this.outside = outside;
        this.transfersOut = transfersOut;
        this.minRows = minRows;
    }

    /**
     * Starts a mapping for an economy with these goods and factors.
     *
     * @param name the economy's name
     * @param currency the currency of survey values
     * @param goods the goods and where they are traded
     * @param factors the factors and how they are supplied
     * @param groupColumn the column identifying each household's group (its value label, or its text, is the group's name)
     * @return a mapping with unit weights, no clusters and nothing else mapped yet
     */
    public static SurveyCalibration of(String name, String currency, List<LewieParameters.Good> goods,
            List<LewieParameters.Factor> factors, String groupColumn) {
        return new SurveyCalibration(name, currency, goods, factors, LewieParameters.DEFAULT_CONSTRAINED_ELASTICITY,
                groupColumn, null, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, null, null, 10);
    }

    /**
     * @param column the sampling (expansion) weight column
     * @return this mapping with weights
     */
    public SurveyCalibration withWeights(String column) {
        return new SurveyCalibration(name, currency, goods, factors, constrainedElasticity, groupColumn, column,
                clusterColumn, villages, groupSizes, activities, expenditure, factorIncome, savings, outside,
                transfersOut, minRows);
    }

    /**
     * @param column the primary sampling unit (cluster) column, for clustered SEs
     * @return this mapping with clusters
     */
    public SurveyCalibration withClusters(String column) {
        return new SurveyCalibration(name, currency, goods, factors, constrainedElasticity, groupColumn, weightColumn,
                column, villages, groupSizes, activities, expenditure, factorIncome, savings, outside, transfersOut,
                minRows);
    }

    /**
     * @param groupVillages the village of each group (groups not listed live in village "zone")
     * @return this mapping with villages
     */
    public SurveyCalibration withVillages(Map<String, String> groupVillages) {
        return new SurveyCalibration(name, currency, goods, factors, constrainedElasticity, groupColumn, weightColumn,
                clusterColumn, groupVillages, groupSizes, activities, expenditure, factorIncome, savings, outside,
                transfersOut, minRows);
    }

    /**
     * @param sizes the number of households of each group in the local economy (groups not listed:
     *     the sum of their sampling weights)
     * @return this mapping with group sizes
     */
    public SurveyCalibration withGroupSizes(Map<String, Double> sizes) {
        return new SurveyCalibration(name, currency, goods, factors, constrainedElasticity, groupColumn, weightColumn,
                clusterColumn, villages, sizes, activities, expenditure, factorIncome, savings, outside, transfersOut,
                minRows);
    }

    /**
     * @param good the good produced
     * @param columns the activity's columns
     * @return this mapping with the activity (every group with producing households gets one)
     */
    public SurveyCalibration withActivity(String good, ActivityColumns columns) {
        Map<String, ActivityColumns> a = new LinkedHashMap<>(activities);
        a.put(good, columns);
        return new SurveyCalibration(name, currency, goods, factors, constrainedElasticity, groupColumn, weightColumn,
                clusterColumn, villages, groupSizes, a, expenditure, factorIncome, savings, outside, transfersOut,
                minRows);
    }

    /**
     * @param spending for each good, the column holding the household's consumption spending on it
     * @return this mapping with consumption
     */
    public SurveyCalibration withExpenditure(Map<String, String> spending) {
        return new SurveyCalibration(name, currency, goods, factors, constrainedElasticity, groupColumn, weightColumn,
                clusterColumn, villages, groupSizes, activities, spending, factorIncome, savings, outside, transfersOut,
                minRows);
    }

    /**
     * @param income for hired factors, the column holding the household's income from local activities
     *     (factors not listed: each group earns what its own activities use)
     * @return this mapping with wage income
     */
    public SurveyCalibration withFactorIncome(Map<String, String> income) {
        return new SurveyCalibration(name, currency, goods, factors, constrainedElasticity, groupColumn, weightColumn,
                clusterColumn, villages, groupSizes, activities, expenditure, income, savings, outside, transfersOut,
                minRows);
    }

    /**
     * @param savingsColumn the household's savings (null: none)
     * @param outsideColumn its spending outside the local economy (null: none)
     * @param transfersOutColumn the transfers it sends out of the local economy (null: none)
     * @return this mapping with the income outflows
     */
    public SurveyCalibration withOutflows(String savingsColumn, String outsideColumn, String transfersOutColumn) {
        return new SurveyCalibration(name, currency, goods, factors, constrainedElasticity, groupColumn, weightColumn,
                clusterColumn, villages, groupSizes, activities, expenditure, factorIncome, savingsColumn, outsideColumn,
                transfersOutColumn, minRows);
    }

    /**
     * @param elasticity the hired factors' supply elasticity in the labour-constrained scenario
     * @return this mapping with that elasticity
     */
    public SurveyCalibration withConstrainedElasticity(double elasticity) {
        return new SurveyCalibration(name, currency, goods, factors, elasticity, groupColumn, weightColumn,
                clusterColumn, villages, groupSizes, activities, expenditure, factorIncome, savings, outside,
                transfersOut, minRows);
    }

    /**
     * @param rows the fewest producing households a production regression may use (default 10)
     * @return this mapping with that minimum
     */
    public SurveyCalibration withMinimumRegressionRows(int rows) {
        return new SurveyCalibration(name, currency, goods, factors, constrainedElasticity, groupColumn, weightColumn,
                clusterColumn, villages, groupSizes, activities, expenditure, factorIncome, savings, outside,
                transfersOut, Math.max(rows, 2));
    }

    /**
     * Estimates the parameters from the survey.
     *
     * @param survey one row per household
     * @return the parameters and the production regressions
     * @throws InputException when a mapped column is missing, has missing values, or a group has
     *     too few producing households for its regression
     */
    public Result calibrate(Dataset survey) {
        if (expenditure.isEmpty()) {
            throw new InputException("LEWIE survey calibration: no expenditure columns are mapped; map each good's"
                    + " consumption spending with withExpenditure");
        }
        int n = survey.rowCount();
        Column groupCol = survey.column(groupColumn);
        double[] weight = weightColumn == null ? ones(n) : values(survey, weightColumn, null);
        for (int i = 0; i < n; i++) {
            if (!(weight[i] >= 0)) {
                throw new InputException("weight " + weightColumn + " is " + weight[i] + " in row " + (i + 1)
                        + ": sampling weights must be non-negative");
            }
        }
        String[] cluster = clusterColumn == null ? null : texts(survey.column(clusterColumn), "cluster");
        String[] group = texts(groupCol, "group");
        List<String> groups = new ArrayList<>();
        for (String g : group) {
            if (!groups.contains(g)) {
                groups.add(g);
            }
        }
        List<LewieParameters.Group> groupSpecs = new ArrayList<>();
        List<LewieParameters.Activity> activitySpecs = new ArrayList<>();
        List<ProductionRegression> regressions = new ArrayList<>();
        SurveyDesign design = design(weight, cluster);
        for (String g : groups) {
            int[] rows = rowsOf(group, g);
            boolean[] in = new boolean[n];
            for (int i : rows) {
                in[i] = true;
            }
            Dataset sub = survey.rows(rows);
            double[] w = subset(weight, rows);
            double totalWeight = 0;
            for (double v : w) {
                totalWeight += v;
            }
            if (!(totalWeight > 0)) {
                throw new InputException("group '" + g + "' of " + groupColumn + " has no positive sampling weight");
            }
            String where = "group '" + g + "'";
            // spending: budget shares and outflow shares, as domain ratios over the whole design
            double[] spending = new double[n];
            Map<String, double[]> spend = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : expenditure.entrySet()) {
                double[] v = masked(values(survey, e.getValue(), null), in);
                spend.put(e.getKey(), v);
                for (int i = 0; i < n; i++) {
                    spending[i] += v[i];
                }
            }
            double[] income = spending.clone();
            double[] sav = outflow(survey, savings, in, income);
            double[] out = outflow(survey, outside, in, income);
            double[] tro = outflow(survey, transfersOut, in, income);
            Map<String, Share> budget = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : spend.entrySet()) {
                budget.put(e.getKey(), ratio(design, e.getValue(), spending, expenditure.get(e.getKey()), "spending"));
            }
            Map<String, Double> wageIncome = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : factorIncome.entrySet()) {
                wageIncome.put(e.getKey(), mean(values(sub, e.getValue(), where), w));
            }
            groupSpecs.add(new LewieParameters.Group(g, villages.getOrDefault(g, "zone"),
                    groupSizes.getOrDefault(g, totalWeight), mean(subset(spending, rows), w), budget, Map.of(),
                    ratio(design, sav, income, String.valueOf(savings), "income"),
                    ratio(design, out, income, String.valueOf(outside), "income"),
                    ratio(design, tro, income, String.valueOf(transfersOut), "income"), wageIncome));
            // production
            for (Map.Entry<String, ActivityColumns> e : activities.entrySet()) {
                ActivityColumns ac = e.getValue();
                double[] fullOutput = masked(values(survey, ac.output(), null), in);
                double[] output = subset(fullOutput, rows);
                double meanOutput = mean(output, w);
                if (!(meanOutput > 0)) {
                    continue; // the group does not produce this good
                }
                String activity = "activity " + e.getKey() + "/" + g;
                ProductionRegression regression = productionShares(sub, w, cluster == null ? null
                        : subsetText(cluster, rows), output, ac, g, e.getKey());
                Map<String, Share> inter = new LinkedHashMap<>();
                for (Map.Entry<String, String> ic : ac.intermediates().entrySet()) {
                    inter.put(ic.getKey(), ratio(design, masked(values(survey, ic.getValue(), null), in), fullOutput,
                            ic.getValue(), ac.output()));
                }
                activitySpecs.add(new LewieParameters.Activity(g, e.getKey(), meanOutput, regression.shares(), inter,
                        null));
                regressions.add(regression);
            }
        }
        LewieParameters p = new LewieParameters(name, currency, goods, factors, groupSpecs, activitySpecs,
                constrainedElasticity);
        return new Result(p, List.copyOf(regressions));
    }

    /** The constant-returns Cobb-Douglas regression of one activity in one group. */
    private ProductionRegression productionShares(Dataset sub, double[] w, String[] cluster, double[] output,
            ActivityColumns ac, String group, String good) {
        String activity = "activity " + good + "/" + group;
        List<String> used = new ArrayList<>(ac.factorInputs().keySet());
        if (used.isEmpty()) {
            throw new InputException(activity + ": no factor input columns are mapped; map at least a fixed factor");
        }
        double[][] inputs = new double[used.size()][];
        for (int f = 0; f < used.size(); f++) {
            inputs[f] = values(sub, ac.factorInputs().get(used.get(f)), activity);
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < output.length; i++) {
            boolean ok = output[i] > 0 && w[i] > 0;
            for (double[] in : inputs) {
                ok &= in[i] > 0;
            }
            if (ok) {
                keep.add(i);
            }
        }
        int p = used.size();
        int last = p - 1;
        if (keep.size() < Math.max(minRows, p + 1)) {
            throw new InputException(activity + ": only " + keep.size() + " households have positive output and"
                    + " positive " + String.join(", ", used) + "; the production regression needs at least "
                    + Math.max(minRows, p + 1) + ": pool groups, drop a factor or give the shares in a parameter file");
        }
        int m = keep.size();
        double[] y = new double[m];
        double[][] x = new double[p][m];
        double[] wk = new double[m];
        String[] ck = cluster == null ? null : new String[m];
        List<String> names = new ArrayList<>();
        names.add("(Intercept)");
        for (int f = 0; f < last; f++) {
            names.add("log(" + used.get(f) + "/" + used.get(last) + ")");
        }
        for (int r = 0; r < m; r++) {
            int i = keep.get(r);
            double base = Math.log(inputs[last][i]);
            y[r] = Math.log(output[i]) - base;
            x[0][r] = 1;
            for (int f = 0; f < last; f++) {
                x[f + 1][r] = Math.log(inputs[f][i]) - base;
            }
            wk[r] = w[i];
            if (ck != null) {
                ck[r] = cluster[i];
            }
        }
        Glm ols = Glm.withDefaults().withFamily(Family.GAUSSIAN).withLink(Link.IDENTITY).withWeights(WeightKind.SAMPLING)
                .withVariance(ck == null ? VarianceType.ROBUST : VarianceType.CLUSTER);
        GlmFit fit;
        try {
            fit = ols.fit(x, names, y, wk, ck == null ? null : Clusters.of(ck, clusterColumn));
        } catch (InputException e) {
            throw new InputException(activity + " production regression: " + e.getMessage(), e);
        }
        double[] b = fit.coefficients();
        double[][] v = fit.variance();
        Map<String, Share> shares = new LinkedHashMap<>();
        double sum = 0;
        double varLast = 0;
        for (int f = 0; f < last; f++) {
            shares.put(used.get(f), checkedShare(b[f + 1], Math.sqrt(v[f + 1][f + 1]), used.get(f), activity, m));
            sum += b[f + 1];
            for (int f2 = 0; f2 < last; f2++) {
                varLast += v[f + 1][f2 + 1];
            }
        }
        shares.put(used.get(last), checkedShare(1 - sum, Math.sqrt(varLast), used.get(last), activity, m));
        return new ProductionRegression(group, good, m, Collections.unmodifiableMap(shares));
    }

    private static Share checkedShare(double value, double se, String factor, String activity, int rows) {
        if (!(value > 0 && value < 1)) {
            throw new InputException(activity + ": the production regression on " + rows + " households puts the"
                    + " share of " + factor + " at " + value + " (SE " + se + "), outside (0, 1); pool groups, merge"
                    + " or drop the factor, or give the shares in a parameter file");
        }
        return new Share(value, se);
    }

    /** Adds an outflow column of the group's rows (or zeros) to income and returns it. */
    private static double[] outflow(Dataset survey, String column, boolean[] in, double[] income) {
        if (column == null) {
            return new double[income.length];
        }
        double[] v = masked(values(survey, column, null), in);
        for (int i = 0; i < v.length; i++) {
            income[i] += v[i];
        }
        return v;
    }

    private Share ratio(SurveyDesign design, double[] y, double[] x, String numerator, String denominator) {
        boolean zero = true;
        for (double v : y) {
            zero &= v == 0;
        }
        if (zero) {
            return Share.exact(0);
        }
        var r = SurveyEstimator.withDefaults().ratio(design, y, x, numerator, denominator).estimates().get(0);
        return new Share(r.estimate(), r.se());
    }

    private static SurveyDesign design(double[] w, String[] cluster) {
        SurveyDesign d = SurveyDesign.weighted(w);
        if (cluster != null) {
            Map<String, Integer> codes = new LinkedHashMap<>();
            int[] ids = new int[cluster.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = codes.computeIfAbsent(cluster[i], k -> codes.size());
            }
            d = d.withClusters(ids);
        }
        return d;
    }

    /** The values of the domain's rows, zero elsewhere: domain estimation over the whole design. */
    private static double[] masked(double[] v, boolean[] in) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (!in[i]) {
                out[i] = 0;
            }
        }
        return out;
    }

    private static double mean(double[] y, double[] w) {
        double s = 0;
        double t = 0;
        for (int i = 0; i < y.length; i++) {
            s += w[i] * y[i];
            t += w[i];
        }
        return s / t;
    }

    private static double[] values(Dataset d, String column, String where) {
        NumericColumn c = d.numeric(column);
        int missing = c.missingCount();
        if (missing > 0) {
            throw new InputException("variable " + column + " has " + missing + " missing values"
                    + (where == null ? "" : " in " + where) + "; LEWIE needs complete values: impute them (0 when"
                    + " nothing was produced, spent or earned) or drop those households first");
        }
        return c.toDoubleArray();
    }

    private static String[] texts(Column c, String role) {
        String[] out = new String[c.size()];
        for (int i = 0; i < out.length; i++) {
            if (c.isMissing(i)) {
                throw new InputException(role + " variable " + c.name() + " is missing in row " + (i + 1)
                        + ": every household needs a " + role);
            }
            String label = c instanceof NumericColumn nc ? nc.valueLabels().labelOf(nc.value(i)) : null;
            out[i] = label == null || label.isEmpty() ? c.text(i) : label;
        }
        return out;
    }

    private static int[] rowsOf(String[] group, String g) {
        int count = 0;
        for (String s : group) {
            if (s.equals(g)) {
                count++;
            }
        }
        int[] rows = new int[count];
        int j = 0;
        for (int i = 0; i < group.length; i++) {
            if (group[i].equals(g)) {
                rows[j++] = i;
            }
        }
        return rows;
    }

    private static double[] subset(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static String[] subsetText(String[] v, int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
