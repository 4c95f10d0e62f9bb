package org.synergia.cases.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hipparchus.random.RandomDataGenerator;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpec.Group;
import org.synergia.cases.spec.OutcomeSpec;
import org.synergia.cases.spec.SimulationSpec;
import org.synergia.cases.spec.SimulationSpec.Assignment;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.StorageType;
import org.synergia.data.ValueLabels;

/**
 * Generates a case's simulated survey from its specification: villages with intra-cluster
 * correlation, household covariates around the country profile, the study's assignment
 * mechanism, item-level instrument answers and continuous outcomes, with the specification's
 * effects planted. The same specification and seed always give the same survey.
 */
public final class SurveySimulator {

    /** Slope of latent well-being in the running variable of a discontinuity design (per unit). */
    private static final double RUNNING_SLOPE = 0.5;

    private final CaseSpec spec;
    private final SimulationSpec sim;
    private final RandomDataGenerator random;

    private SurveySimulator(CaseSpec spec, long seed) {
        this.spec = spec;
        this.sim = spec.simulation().orElseThrow(() -> new InputException(spec.file()
                + ": simulation: the case has no simulation section, so there is no bundled survey to generate"));
        this.random = new RandomDataGenerator(seed);
    }

    /**
     * @param spec a case specification with a simulation section
     * @return the case's simulated survey with its own seed
     */
    public static SimulatedSurvey simulate(CaseSpec spec) {
        return simulate(spec, spec.simulation().map(SimulationSpec::seed).orElse(1L));
    }

    /**
     * @param spec a case specification with a simulation section
     * @param seed the seed (design diagnosis draws many surveys with different seeds)
     * @return the simulated survey
     */
    public static SimulatedSurvey simulate(CaseSpec spec, long seed) {
        return new SurveySimulator(spec, seed).generate();
    }

    private SimulatedSurvey generate() {
        Households hh = Households.draw(sim.households(), sim.clusters(), sim.areas().size(), sim.profile(), random);
        return switch (sim.assignment().kind()) {
            case SELECTION -> crossSection(hh, selectGroups(hh), DesignState.NONE, null);
            case EXPOSURE -> exposure(hh);
            case PANEL -> panel(hh, selectGroups(hh));
            case CUTOFF_SATURATION -> cutoffSaturation(hh);
        };
    }

    // ---------------------------------------------------------------- assignment mechanisms

    /** Multinomial logit selection on observables, with intercepts tuned to the target shares. */
    private int[] selectGroups(Households hh) {
        Assignment a = sim.assignment();
        int[] codes = groupCodes();
        double[] share = new double[codes.length];
        for (int k = 0; k < codes.length; k++) {
            share[k] = a.shares().getOrDefault(codes[k], 1.0 / codes.length);
        }
        double[] index = new double[hh.n];
        a.selection().forEach((covariate, beta) -> {
            double[] z = hh.standardised(covariate);
            for (int i = 0; i < hh.n; i++) {
                index[i] += beta * z[i];
            }
        });
        double[] alpha = new double[codes.length];
        double[][] p = new double[codes.length][hh.n];
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] mean = probabilities(index, alpha, p);
            for (int k = 1; k < codes.length; k++) {
                alpha[k] += Math.log(share[k] / mean[k]) - Math.log(share[0] / mean[0]);
            }
        }
        probabilities(index, alpha, p);
        int[] group = new int[hh.n];
        for (int i = 0; i < hh.n; i++) {
            double u = random.nextDouble();
            int k = 0;
            double cumulative = p[0][i];
            while (u > cumulative && k < codes.length - 1) {
                k++;
                cumulative += p[k][i];
            }
            group[i] = codes[k];
        }
        return group;
    }

    /** Fills p with each group's probability (arm k's index is scaled by 1 + k/2) and returns their means. */
    private static double[] probabilities(double[] index, double[] alpha, double[][] p) {
        int groups = alpha.length;
        double[] mean = new double[groups];
        for (int i = 0; i < index.length; i++) {
            double total = 1;
            p[0][i] = 1;
            for (int k = 1; k < groups; k++) {
                p[k][i] = Math.exp(alpha[k] + (1 + 0.5 * (k - 1)) * index[i]);
                total += p[k][i];
            }
            for (int k = 0; k < groups; k++) {
                p[k][i] /= total;
                mean[k] += p[k][i] / index.length;
            }
        }
        return mean;
    }

    private SimulatedSurvey exposure(Households hh) {
        Assignment a = sim.assignment();
        double min = a.setting("min_years", 0.5);
        double max = a.setting("max_years", 6.0);
        double[] index = new double[hh.n];
        a.selection().forEach((covariate, beta) -> {
            double[] z = hh.standardised(covariate);
            for (int i = 0; i < hh.n; i++) {
                index[i] += beta * z[i];
            }
        });
        double[] years = new double[hh.n];
        for (int i = 0; i < hh.n; i++) {
            double u = 1 / (1 + Math.exp(-(index[i] + 0.8 * random.nextGaussian())));
            years[i] = Math.rint((min + (max - min) * u) * 10) / 10;
        }
        int[] codes = groupCodes();
        double activeShare = a.shares().getOrDefault(codes[0], 0.5);
        double[] sorted = years.clone();
        java.util.Arrays.sort(sorted);
        double threshold = sorted[(int) Math.min(hh.n - 1, Math.floor(activeShare * hh.n))];
        int[] group = new int[hh.n];
        for (int i = 0; i < hh.n; i++) {
            group[i] = years[i] >= threshold ? codes[codes.length - 1] : codes[0];
        }
        return crossSection(hh, group, new DesignState(null, years), years);
    }

    private SimulatedSurvey cutoffSaturation(Households hh) {
        Assignment a = sim.assignment();
        double cutoff = a.setting("cutoff", 0);
        double attrition = a.setting("attrition", 0);
        double ratio = a.setting("spillover_ratio", 0);
        int levels = (int) a.setting("saturations", 3);
        int[] codes = groupCodes();
        if (codes.length != 3) {
            throw new InputException(spec.file() + ": design.groups: a cutoff-saturation design needs three groups"
                    + " (comparison, programme, programme with the randomised component); found " + codes.length);
        }
        double[] clusterSaturation = new double[sim.clusters()];
        int[] order = random.nextPermutation(sim.clusters(), sim.clusters());
        for (int c = 0; c < sim.clusters(); c++) {
            clusterSaturation[order[c]] = (double) (c % levels) / levels;
        }
        double[] running = new double[hh.n];
        boolean[] side = new boolean[hh.n];
        boolean[] coached = new boolean[hh.n];
        double[] saturation = new double[hh.n];
        int[] group = new int[hh.n];
        for (int i = 0; i < hh.n; i++) {
            running[i] = Math.rint((cutoff + 2 * random.nextDouble() - 1) * 1000) / 1000;
            side[i] = running[i] >= cutoff;
            saturation[i] = clusterSaturation[hh.cluster[i]];
            coached[i] = random.nextDouble() < saturation[i];
            group[i] = !side[i] ? codes[0] : coached[i] ? codes[2] : codes[1];
        }
        boolean[] kept = new boolean[hh.n];
        for (int i = 0; i < hh.n; i++) {
            kept[i] = random.nextDouble() >= attrition;
        }
        DesignState.Cutoff state = new DesignState.Cutoff(side, coached, saturation, codes[1], codes[2], ratio);
        Outcomes outcomes = drawOutcomes(hh, group, running, cutoff, state, null);
        int[] rows = indicesOf(kept);
        Map<String, PlantedOutcome> planted = new HashMap<>();
        outcomes.planted.forEach((k, v) -> planted.put(k, v.rows(rows)));
        DesignState.Cutoff keptState = new DesignState.Cutoff(pick(side, rows), pick(coached, rows), pick(saturation, rows),
                codes[1], codes[2], ratio);
        double[] hwSaturation = new double[hh.n];
        int[] hw = new int[hh.n];
        int[] coachedColumn = new int[hh.n];
        for (int i = 0; i < hh.n; i++) {
            hw[i] = side[i] ? 1 : 0;
            coachedColumn[i] = side[i] && coached[i] ? 1 : 0;
            hwSaturation[i] = side[i] ? saturation[i] : Double.NaN;
        }
        Dataset.Builder b = surveyBuilder(hh, group);
        b.add(NumericColumn.builder("eligibility_score", running).label("Eligibility score (running variable, cutoff "
                + cutoff + ")").build());
        b.add(NumericColumn.builder("hw", toDouble(hw)).storage(StorageType.BYTE).label("On Haku Wiñay's side of the cutoff").build());
        b.add(NumericColumn.builder("coached", toDouble(coachedColumn)).storage(StorageType.BYTE)
                .label("Assigned to the randomised component").build());
        b.add(NumericColumn.builder("saturation", hwSaturation).label("Share of programme households assigned in the cluster").build());
        outcomes.addTo(b);
        Dataset full = b.build();
        return new SimulatedSurvey(full.rows(rows), pick(group, rows), planted, new DesignState(keptState, null));
    }

    private SimulatedSurvey panel(Households hh, int[] group) {
        Assignment a = sim.assignment();
        double trend = a.setting("trend", 0.1);
        double trendByCovariate = a.setting("trend_by_covariate", 0.2);
        double[][] permanentNoise = new double[spec.outcomes().size()][];
        Map<String, PlantedOutcome> planted = new HashMap<>();
        Dataset.Builder[] rounds = {surveyBuilder(hh, group), surveyBuilder(hh, group)};
        for (int t = 0; t < 2; t++) {
            int[] round = new int[hh.n];
            java.util.Arrays.fill(round, t);
            rounds[t].add(NumericColumn.builder("round", toDouble(round)).storage(StorageType.BYTE)
                    .label("Survey round (0 = baseline 2016, 1 = follow-up)").build());
        }
        List<OutcomeSpec> specs = spec.outcomes();
        for (int k = 0; k < specs.size(); k++) {
            OutcomeSpec o = specs.get(k);
            OutcomeSpec.OutcomeSimulation s = o.simulation();
            double transitoryShare = 0.5 * Math.max(0, 1 - s.r2() - sim.icc());
            permanentNoise[k] = hh.latent(s.r2(), sim.icc(), random);
            double scale = Math.sqrt(1 - transitoryShare);
            ItemModel items = o.indicator().map(ItemModel::of).orElse(null);
            double[] finalBase = null;
            for (int t = 0; t < 2; t++) {
                double[] state = new double[hh.n];
                double[] shift = new double[hh.n];
                for (int i = 0; i < hh.n; i++) {
                    double latent = scale * permanentNoise[k][i] + Math.sqrt(transitoryShare) * random.nextGaussian()
                            + t * (trend + trendByCovariate * hh.wellBeingIndex[i]);
                    state[i] = items == null ? s.mean() + s.sd() * latent : s.mean() + latent;
                    shift[i] = t == 1 ? s.effects().getOrDefault(group[i], 0.0) : 0;
                }
                writeOutcome(rounds[t], o, items, state, shift);
                finalBase = state;
            }
            planted.put(o.id(), new PlantedOutcome(items, finalBase, null, s.effects()));
        }
        Dataset baseline = rounds[0].build();
        Dataset followUp = rounds[1].build();
        return new SimulatedSurvey(stack(baseline, followUp), group, planted, DesignState.NONE);
    }

    // ---------------------------------------------------------------- outcomes

    private SimulatedSurvey crossSection(Households hh, int[] group, DesignState state, double[] exposure) {
        Outcomes outcomes = drawOutcomes(hh, group, null, 0, null, exposure);
        Dataset.Builder b = surveyBuilder(hh, group);
        if (exposure != null) {
            b.add(NumericColumn.builder("exposure_years", exposure).label("Years since the programme began for the household").build());
        }
        outcomes.addTo(b);
        return new SimulatedSurvey(b.build(), group, outcomes.planted, state);
    }

    /** The drawn outcome columns and their planted states. */
    private record Outcomes(Map<String, PlantedOutcome> planted, List<NumericColumn> columns) {
        void addTo(Dataset.Builder b) {
            columns.forEach(b::add);
        }
    }

    /**
     * Draws every outcome of the case. The shift a household receives is its group's effect, or,
     * in a cutoff design, its programme-side shift, or, in an intensity design, the effect per
     * unit of exposure times its exposure.
     */
    private Outcomes drawOutcomes(Households hh, int[] group, double[] running, double cutoff, DesignState.Cutoff cut,
            double[] exposure) {
        Map<String, PlantedOutcome> planted = new HashMap<>();
        Dataset.Builder columns = Dataset.builder("outcomes");
        for (OutcomeSpec o : spec.outcomes()) {
            OutcomeSpec.OutcomeSimulation s = o.simulation();
            ItemModel items = o.indicator().map(ItemModel::of).orElse(null);
            double unit = items == null ? s.sd() : 1;
            double[] eta = hh.latent(s.r2(), sim.icc(), random);
            double[] state = new double[hh.n];
            double[] atCutoff = running == null ? null : new double[hh.n];
            for (int i = 0; i < hh.n; i++) {
                double runningPart = running == null ? 0 : RUNNING_SLOPE * (running[i] - cutoff);
                state[i] = s.mean() + unit * (eta[i] + runningPart);
                if (atCutoff != null) {
                    atCutoff[i] = state[i] - unit * runningPart;
                }
            }
            PlantedOutcome p = new PlantedOutcome(items, state, atCutoff, s.effects());
            double[] shift = new double[hh.n];
            for (int i = 0; i < hh.n; i++) {
                if (cut != null) {
                    shift[i] = cut.onProgrammeSide(i) ? cut.programmeShift(p, i) : 0;
                } else if (exposure != null) {
                    shift[i] = p.effect(group[i]) * exposure[i];
                } else {
                    shift[i] = p.effect(group[i]);
                }
            }
            writeOutcome(columns, o, items, state, shift);
            planted.put(o.id(), p);
        }
        Dataset drawn = columns.build();
        List<NumericColumn> out = new ArrayList<>();
        drawn.columns().forEach(c -> out.add((NumericColumn) c));
        return new Outcomes(planted, out);
    }

    /** Writes a continuous outcome, or an indicator's item answers. */
    private void writeOutcome(Dataset.Builder b, OutcomeSpec o, ItemModel items, double[] state, double[] shift) {
        int n = state.length;
        if (items == null) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = Math.rint((state[i] + shift[i]) * 100) / 100;
            }
            b.add(NumericColumn.builder(o.id(), y).label(o.label().en() + " (" + o.unit().en() + ")").build());
            return;
        }
        List<String> names = items.columns();
        double[][] answers = new double[names.size()][n];
        double[] one = new double[items.width()];
        for (int i = 0; i < n; i++) {
            items.draw(state[i] + shift[i], random, one);
            for (int j = 0; j < one.length; j++) {
                answers[j][i] = one[j];
            }
        }
        for (int j = 0; j < names.size(); j++) {
            b.add(NumericColumn.builder(names.get(j), answers[j]).storage(StorageType.INT)
                    .label(items.indicator() + " item " + names.get(j)).build());
        }
    }

    // ---------------------------------------------------------------- survey assembly

    private Dataset.Builder surveyBuilder(Households hh, int[] group) {
        Dataset.Builder b = Dataset.builder(spec.id() + "-simulated")
                .label("SIMULATED survey reproducing the design of " + spec.id() + " (not real data)")
                .metadata("simulated", "true")
                .metadata("case", spec.id())
                .metadata("seed", Long.toString(sim.seed()))
                .metadata("note", "Simulated data generated by Synergia from the case specification; effects are planted.");
        int[] id = new int[hh.n];
        int[] village = new int[hh.n];
        for (int i = 0; i < hh.n; i++) {
            id[i] = i + 1;
            village[i] = hh.cluster[i] + 1;
        }
        b.addIntegers("hhid", id);
        b.addIntegers(clusterVariable(), village);
        ValueLabels.Builder areaLabels = ValueLabels.builder("area");
        for (int k = 0; k < sim.areas().size(); k++) {
            areaLabels.add(k + 1, sim.areas().get(k));
        }
        int[] area = new int[hh.n];
        for (int i = 0; i < hh.n; i++) {
            area[i] = hh.area[i] + 1;
        }
        b.addCategorical("area", area, areaLabels.build());
        for (int j = 0; j < Households.COVARIATES.length; j++) {
            b.addNumeric(Households.COVARIATES[j], hh.values[j].clone());
        }
        ValueLabels.Builder groupLabels = ValueLabels.builder("group");
        for (Group g : spec.design().groups()) {
            groupLabels.add(g.code(), g.label().en());
        }
        b.addCategorical("group", group.clone(), groupLabels.build());
        return b;
    }

    /** @return the name of the cluster variable the plan uses (village by default) */
    private String clusterVariable() {
        TreeSet<String> named = new TreeSet<>();
        spec.plan().forEach(a -> a.cluster().ifPresent(named::add));
        return named.isEmpty() ? "village" : named.first();
    }

    private int[] groupCodes() {
        return spec.design().groups().stream().mapToInt(Group::code).sorted().toArray();
    }

    private static Dataset stack(Dataset first, Dataset second) {
        int n = first.rowCount();
        Dataset.Builder b = Dataset.builder(first.name()).label(first.label());
        first.metadata().forEach(b::metadata);
        for (int j = 0; j < first.columnCount(); j++) {
            NumericColumn a = (NumericColumn) first.column(j);
            NumericColumn c = second.numeric(a.name());
            double[] v = new double[2 * n];
            System.arraycopy(a.toDoubleArray(), 0, v, 0, n);
            System.arraycopy(c.toDoubleArray(), 0, v, n, n);
            b.add(NumericColumn.builder(a.name(), v).storage(a.storage()).label(a.label()).valueLabels(a.valueLabels()).build());
        }
        return b.build();
    }

    private static int[] indicesOf(boolean[] keep) {
        int count = 0;
        for (boolean k : keep) {
            count += k ? 1 : 0;
        }
        int[] rows = new int[count];
        for (int i = 0, r = 0; i < keep.length; i++) {
            if (keep[i]) {
                rows[r++] = i;
            }
        }
        return rows;
    }

    private static boolean[] pick(boolean[] v, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = v[rows[r]];
        }
        return out;
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = v[rows[r]];
        }
        return out;
    }

    private static int[] pick(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = v[rows[r]];
        }
        return out;
    }

    private static double[] toDouble(int[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
