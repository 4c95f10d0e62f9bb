package org.synergia.measures.poverty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;
import org.synergia.measures.survey.SurveyDesign;
import org.synergia.measures.survey.SurveyResult;
import org.synergia.stats.inference.Estimate;

/**
 * Design-based poverty and inequality at a fixed poverty line: FGT(0, 1, 2) (Foster, Greer &amp;
 * Thorbecke 1984) and the Gini coefficient, with Taylor-linearised standard errors from a
 * {@link SurveyDesign} (FGT as ratio means; Gini by its linearised values, Osier 2009), overall
 * or by group (domain estimation: linearised values are zero outside the group, so the design's
 * full structure is used, as R {@code survey}'s {@code svyby}). Terms {@code FGT0}, {@code FGT1},
 * {@code FGT2}, {@code Gini}; by group {@code FGT0[<group>]} and so on. Diagnostics give the
 * line, the weighted mean, median, Theil index and S80/S20 ratio.
 */
public final class PovertyMeasures {

    private final double line;
    private final double level;

    private PovertyMeasures(double line, double level) {
        this.line = line;
        this.level = level;
    }

    /**
     * @param povertyLine the poverty line, positive, in the income variable's units
     * @return the measures at that line with 95% intervals
     */
    public static PovertyMeasures atLine(double povertyLine) {
        if (!(povertyLine > 0) || Double.isInfinite(povertyLine)) {
            throw new InputException(PovertyProblem.LINE_NOT_POSITIVE, String.valueOf(povertyLine), OptionName.of("line"));
        }
        return new PovertyMeasures(povertyLine, 0.95);
    }

    /**
     * @param confidenceLevel the confidence level, in (0, 1)
     * @return these measures with the given confidence level
     */
    public PovertyMeasures withLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new InputException("confidence level " + confidenceLevel + " is not in (0, 1)");
        }
        return new PovertyMeasures(line, confidenceLevel);
    }

    /**
     * @param design the sample design (weights, strata, clusters)
     * @param income income or consumption per row, finite
     * @return FGT0, FGT1, FGT2 and Gini with linearised SEs
     */
    public SurveyResult fit(SurveyDesign design, double[] income) {
        return fit(design, income, null);
    }

    /**
     * The measures over a domain, the rest of the design kept: rows outside the domain contribute
     * zero linearised values, their strata and PSUs still count (as R {@code survey} with
     * {@code na.rm = TRUE}, which subsets the design and keeps its structure).
     *
     * @param design the sample design (all rows)
     * @param income income or consumption per row; rows outside the domain may be missing
     * @param domain which rows are in the domain (for example those with income present), or null for all
     * @return FGT0..2 and Gini with linearised SEs; {@code n} is the domain's size
     */
    public SurveyResult fit(SurveyDesign design, double[] income, boolean[] domain) {
        int[] one = new int[income.length];
        return fitByGroup(design, income, one, new String[] {null}, domain);
    }

    /**
     * @param design the sample design
     * @param income income or consumption per row
     * @param group each row's group code, 0-based, indexing {@code labels}
     * @param labels the groups' names, used in the term names
     * @return for each group, FGT0..2 and Gini with linearised SEs
     */
    public SurveyResult fitByGroup(SurveyDesign design, double[] income, int[] group, String[] labels) {
        return fitByGroup(design, income, group, labels, null);
    }

    /**
     * @param design the sample design (all rows)
     * @param income income or consumption per row; rows outside the domain may be missing
     * @param group each row's group code, 0-based, indexing {@code labels} (ignored outside the domain)
     * @param labels the groups' names, used in the term names
     * @param domain which rows are in the domain (in no group outside it), or null for all rows
     * @return for each group, FGT0..2 and Gini with linearised SEs; {@code n} is the domain's size
     */
    public SurveyResult fitByGroup(SurveyDesign design, double[] income, int[] group, String[] labels,
            boolean[] domain) {
        int n = income.length;
        if (design.size() != n || group.length != n || domain != null && domain.length != n) {
            throw new InputException("income, group and design have different lengths (" + n + ", " + group.length
                    + ", " + design.size() + ")");
        }
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (domain != null && !domain[i]) {
                continue;
            }
            used++;
            if (!Double.isFinite(income[i])) {
                throw new InputException("income is missing or non-finite at row " + (i + 1)
                        + ": drop or impute such rows before estimating poverty");
            }
            if (group[i] < 0 || group[i] >= labels.length) {
                throw new IllegalArgumentException("group code " + group[i] + " at row " + (i + 1)
                        + " has no label (labels: " + labels.length + ")");
            }
        }
        double[] w = design.weights();
        List<Estimate> estimates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("line", line);
        for (int g = 0; g < labels.length; g++) {
            String suffix = labels[g] == null ? "" : "[" + labels[g] + "]";
            int size = 0;
            for (int i = 0; i < n; i++) {
                if (group[i] == g && (domain == null || domain[i])) {
                    size++;
                }
            }
            if (size == 0) {
                throw new InputException("group " + labels[g] + " has no rows: drop it from the grouping variable");
            }
            int[] rows = new int[size];
            double[] yg = new double[size];
            double[] wg = new double[size];
            FgtAccumulator acc = new FgtAccumulator(line);
            for (int i = 0, k = 0; i < n; i++) {
                if (group[i] == g && (domain == null || domain[i])) {
                    rows[k] = i;
                    yg[k] = income[i];
                    wg[k] = w[i];
                    acc.add(income[i], w[i]);
                    k++;
                }
            }
            IncomeDistribution dist = IncomeDistribution.of(yg, wg);
            double weight = acc.weight();
            for (int alpha = 0; alpha <= 2; alpha++) {
                double fgt = acc.fgt(alpha);
                double[] z = new double[n];
                for (int i : rows) {
                    z[i] = (FgtAccumulator.contribution(income[i], line, alpha) - fgt) / weight;
                }
                estimates.add(Estimate.wald("FGT" + alpha + suffix, fgt, Math.sqrt(design.variance(z)), level));
            }
            double[] zg = dist.giniLinearised();
            double[] z = new double[n];
            for (int k = 0; k < size; k++) {
                z[rows[k]] = zg[k];
            }
            estimates.add(Estimate.wald("Gini" + suffix, dist.gini(), Math.sqrt(design.variance(z)), level));
            diagnostics.put("mean" + suffix, dist.mean());
            diagnostics.put("median" + suffix, dist.median());
            int negative = 0;
            for (double v : yg) {
                negative += v < 0 ? 1 : 0;
            }
            if (negative == 0 && dist.mean() > 0) {
                diagnostics.put("Theil" + suffix, dist.theil());
            } else {
                // as laeken: the FGT measures and the Gini are defined with negative incomes, the Theil index is not
                diagnostics.put("Theil" + suffix, null);
                warnings.add((labels[g] == null ? "" : "group " + labels[g] + ": ") + "the Theil index is left out: it is"
                        + " undefined " + (negative > 0 ? "with negative incomes (" + negative + " rows)" : "when mean income is"
                        + " not positive") + "; the FGT measures and the Gini use every row");
            }
            if (size >= 5) {
                diagnostics.put("S80S20" + suffix, dist.s80s20());
            }
        }
        return new SurveyResult("poverty", estimates, used, diagnostics, warnings);
    }
}
