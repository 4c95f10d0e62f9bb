package org.synergia.cases.simulate;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.synergia.data.Dataset;

/**
 * A simulated survey and the truth planted in it. The truth of an estimand is the average, over
 * the households the estimand refers to, of the difference between their expected outcomes in
 * two states (for indicators: expected indicator values given the household's latent
 * well-being), so confidence intervals of a correct estimator cover it about as often as their
 * level says.
 */
public final class SimulatedSurvey {

    private final Dataset data;
    private final int[] arm;
    private final Map<String, PlantedOutcome> outcomes;
    private final DesignState design;

    SimulatedSurvey(Dataset data, int[] arm, Map<String, PlantedOutcome> outcomes, DesignState design) {
        this.data = data;
        this.arm = arm;
        this.outcomes = Map.copyOf(outcomes);
        this.design = design;
    }

    /** @return the survey, labelled as simulated in its metadata */
    public Dataset data() {
        return data;
    }

    /**
     * @param household a household's row
     * @return the code of the group it was assigned to
     */
    public int arm(int household) {
        return arm[household];
    }

    /**
     * The average effect of receiving {@code treated} instead of {@code control}.
     *
     * @param outcome the outcome
     * @param treated the group received
     * @param control the comparison group
     * @param population which households to average over, by their row (e.g. only the treated for an ATT, see
     *        {@link #arm(int)})
     * @return the planted average effect
     */
    public double contrast(String outcome, int treated, int control, IntPredicate population) {
        PlantedOutcome o = planted(outcome);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < arm.length; i++) {
            if (population.test(i)) {
                sum += o.expected(i, o.effect(treated)) - o.expected(i, o.effect(control));
                count++;
            }
        }
        return sum / count;
    }

    /**
     * The synergy {@code (mu_both - mu_0) - (mu_a - mu_0) - (mu_b - mu_0)} over a population.
     *
     * @param outcome the outcome
     * @param both the combined group
     * @param a one single-programme group
     * @param b the other single-programme group
     * @param control the group with neither
     * @param population which households to average over, by row
     * @return the planted synergy
     */
    public double synergy(String outcome, int both, int a, int b, int control, IntPredicate population) {
        return contrast(outcome, both, control, population) - contrast(outcome, a, control, population)
                - contrast(outcome, b, control, population);
    }

    /**
     * For a regression discontinuity design: the average effect at the cutoff of being on the
     * programme's side, including the coaching households there would receive.
     *
     * @param outcome the outcome
     * @return the planted effect at the cutoff
     */
    public double discontinuity(String outcome) {
        PlantedOutcome o = planted(outcome);
        DesignState.Cutoff c = design.cutoff();
        double sum = 0;
        for (int i = 0; i < arm.length; i++) {
            double atCutoff = o.baseAtCutoff(i);
            sum += o.expectedAt(atCutoff, c.programmeShift(o, i)) - o.expectedAt(atCutoff, 0);
        }
        return sum / arm.length;
    }

    /**
     * For a randomised saturation design: the average effect on households assigned to the
     * component, against households in clusters where nobody was (saturation 0).
     *
     * @param outcome the outcome
     * @param saturation restrict to clusters of this saturation; NaN for all treated clusters
     * @return the planted intention-to-treat effect on the treated
     */
    public double directEffect(String outcome, double saturation) {
        return saturationContrast(outcome, saturation, true);
    }

    /**
     * For a randomised saturation design: the average spillover on households not assigned to the
     * component in clusters where others were, against households in clusters where nobody was.
     *
     * @param outcome the outcome
     * @param saturation restrict to clusters of this saturation; NaN for all treated clusters
     * @return the planted spillover on the untreated
     */
    public double spillover(String outcome, double saturation) {
        return saturationContrast(outcome, saturation, false);
    }

    /**
     * For a randomised saturation design: the planted change per unit of saturation of the effect on
     * the assigned (or of the spillover on the non-assigned), as the linear model in saturation
     * estimates it: the least-squares slope of the planted contrast at each positive saturation on
     * the saturation, each saturation weighted by its number of such households.
     *
     * @param outcome the outcome
     * @param onAssigned the assigned households (intention to treat) rather than the non-assigned (spillover)
     * @return the planted slope (NaN with fewer than two positive saturations)
     */
    public double saturationSlope(String outcome, boolean onAssigned) {
        Map<Double, double[]> cells = saturationCells(outcome, onAssigned);
        double n = 0;
        double sx = 0;
        double sy = 0;
        for (Map.Entry<Double, double[]> e : cells.entrySet()) {
            n += e.getValue()[1];
            sx += e.getKey() * e.getValue()[1];
            sy += e.getValue()[0];
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (Map.Entry<Double, double[]> e : cells.entrySet()) {
            double count = e.getValue()[1];
            double dx = e.getKey() - mx;
            sxx += count * dx * dx;
            sxy += count * dx * (e.getValue()[0] / count - my);
        }
        return cells.size() < 2 ? Double.NaN : sxy / sxx;
    }

    private double saturationContrast(String outcome, double saturation, boolean onTreated) {
        double sum = 0;
        double count = 0;
        for (Map.Entry<Double, double[]> e : saturationCells(outcome, onTreated).entrySet()) {
            if (Double.isNaN(saturation) || Math.abs(e.getKey() - saturation) <= 1e-9) {
                sum += e.getValue()[0];
                count += e.getValue()[1];
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** By positive saturation: the sum of the planted contrasts of the (non-)assigned households, and their number. */
    private Map<Double, double[]> saturationCells(String outcome, boolean onTreated) {
        PlantedOutcome o = planted(outcome);
        DesignState.Cutoff c = design.cutoff();
        Map<Double, double[]> cells = new TreeMap<>();
        for (int i = 0; i < arm.length; i++) {
            if (!c.onProgrammeSide(i) || c.saturation(i) <= 0 || c.coached(i) != onTreated) {
                continue;
            }
            double pureControl = o.effect(c.programmeGroup());
            double[] cell = cells.computeIfAbsent(c.saturation(i), k -> new double[2]);
            cell[0] += o.expected(i, c.programmeShift(o, i)) - o.expected(i, pureControl);
            cell[1]++;
        }
        return cells;
    }

    /**
     * For a treatment-intensity design: the average change in the expected outcome per unit of
     * exposure (the average derivative).
     *
     * @param outcome the outcome
     * @param group restrict to this group; negative for all households
     * @return the planted average slope
     */
    public double doseSlope(String outcome, int group) {
        PlantedOutcome o = planted(outcome);
        double[] exposure = design.exposure();
        double h = 1e-3;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < arm.length; i++) {
            if (group >= 0 && arm[i] != group) {
                continue;
            }
            double perUnit = o.effect(arm[i]);
            sum += (o.expected(i, perUnit * (exposure[i] + h)) - o.expected(i, perUnit * (exposure[i] - h))) / (2 * h);
            count++;
        }
        return sum / count;
    }

    private PlantedOutcome planted(String outcome) {
        PlantedOutcome o = outcomes.get(outcome);
        if (o == null) {
            throw new IllegalArgumentException("the simulated survey plants no effect on " + outcome);
        }
        return o;
    }
}
