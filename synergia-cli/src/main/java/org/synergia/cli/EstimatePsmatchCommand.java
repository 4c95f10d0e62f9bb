package org.synergia.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.effects.matching.Kernel;
import org.synergia.effects.matching.KernelMatch;
import org.synergia.effects.matching.MatchingResult;
import org.synergia.effects.matching.MatchingWeights;
import org.synergia.effects.matching.PsMatch;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.stats.formula.Formula;
import org.synergia.stats.formula.ModelFrame;
import org.synergia.stats.formula.ModelMatrix;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synergia estimate psmatch}: nearest-neighbour (or kernel) matching on the propensity
 * score of a logit/probit treatment model, over {@link PsMatch} and {@link KernelMatch}. The
 * treatment is the left-hand side of {@code --treatment-model}, a variable with two stored values;
 * the lower one is the control unless {@code --control} says otherwise.
 */
@Command(name = "psmatch", mixinStandardHelpOptions = true,
        description = "Propensity-score matching (nearest neighbour, or kernel with --kernel) with Abadie-Imbens SEs.")
public final class EstimatePsmatchCommand extends EstimateMethodCommand {

    /** The {@code --estimand} values. */
    enum EstimandOption { att, ate }

    /** The {@code --score} values. */
    enum ScoreOption { probability, linear }

    /** The {@code --link} values. */
    enum LinkOption { logit, probit }

    /** The {@code --support} values. */
    enum SupportOption { none, minmax, trim }

    /** The {@code --kernel} values. */
    enum KernelOption { epanechnikov, gaussian }

    @Option(names = "--treatment-model", required = true, paramLabel = "F",
            description = "the treatment model, e.g. \"treat ~ age + educ + black + re74\"")
    private String treatmentModel;

    @Option(names = "--outcome", required = true, paramLabel = "Y", description = "the outcome variable")
    private String outcome;

    @Option(names = "--estimand", defaultValue = "att", paramLabel = "E", description = "att or ate (default: ${DEFAULT-VALUE})")
    private EstimandOption estimand;

    @Option(names = "--neighbors", defaultValue = "1", paramLabel = "M", description = "neighbours per unit (default: ${DEFAULT-VALUE})")
    private int neighbors;

    @Option(names = "--caliper", paramLabel = "C", description = "caliper in standard deviations of the score (default: none)")
    private Double caliper;

    @Option(names = "--replace", defaultValue = "true", arity = "1", paramLabel = "BOOL",
            description = "match with replacement (default: ${DEFAULT-VALUE}); false: greedy in data order, ATT only")
    private boolean replace;

    @Option(names = "--score", defaultValue = "probability", paramLabel = "S",
            description = "probability or linear (default: ${DEFAULT-VALUE})")
    private ScoreOption score;

    @Option(names = "--se", defaultValue = "ai2016", paramLabel = "SE",
            description = "ai2016, ai2006, ai2006-robust or bootstrap (kernel matching only) (default: ${DEFAULT-VALUE})")
    private String se;

    @Option(names = "--variance-neighbors", defaultValue = "2", paramLabel = "J",
            description = "variance neighbours: for ai2016 Stata's nn(#), the unit itself counting (>= 2); "
                    + "for ai2006-robust R's Var.calc, other units (>= 1) (default: ${DEFAULT-VALUE})")
    private int varianceNeighbors;

    @Option(names = "--link", defaultValue = "logit", paramLabel = "LINK", description = "logit or probit (default: ${DEFAULT-VALUE})")
    private LinkOption link;

    @Option(names = "--control", paramLabel = "LEVEL", description = "the treatment's control value (default: the lower one)")
    private Double control;

    @Option(names = "--tie-tolerance", defaultValue = "0", paramLabel = "T",
            description = "squared score distance, in score variances, within which neighbours tie (default: ${DEFAULT-VALUE};"
                    + " 1e-5 reproduces R Matching)")
    private double tieTolerance;

    @Option(names = "--support", defaultValue = "none", paramLabel = "RULE",
            description = "common support rule: none, minmax or trim (default: ${DEFAULT-VALUE})")
    private SupportOption support;

    @Option(names = "--trim", defaultValue = "0.05", paramLabel = "A",
            description = "with --support trim, drop scores outside [A, 1-A] (default: ${DEFAULT-VALUE})")
    private double trim;

    @Option(names = "--kernel", paramLabel = "K", description = "kernel matching instead of nearest neighbours: epanechnikov or gaussian")
    private KernelOption kernel;

    @Option(names = "--bandwidth", defaultValue = "0.06", paramLabel = "H",
            description = "kernel bandwidth on the probability scale (default: ${DEFAULT-VALUE})")
    private double bandwidth;

    @Option(names = "--bootstrap-reps", defaultValue = "200", paramLabel = "B",
            description = "bootstrap replications for kernel matching (default: ${DEFAULT-VALUE}; seeded by --seed)")
    private int reps;

    @Option(names = "--save-weights", paramLabel = "FILE",
            description = "write row, treated, score, matching_weight, ipw_weight as CSV (formulas in the JSON diagnostics)")
    private Path weightsFile;

    @Option(names = "--love-plot", paramLabel = "FILE", description = "write the love plot (balance before/after) as SVG")
    private Path lovePlot;

    @Mixin
    private RefusedOptions.Weights noWeights;

    @Mixin
    private RefusedOptions.Cluster noCluster;

    @Override
    protected EstimationResult estimate(Dataset dataset) {
        if (!dataset.hasColumn(outcome)) {
            throw dataset.unknownVariable(outcome);
        }
        double[] yAll = dataset.numeric(outcome).toDoubleArray();
        List<String> warnings = new ArrayList<>();
        int[] keep = java.util.stream.IntStream.range(0, yAll.length).filter(i -> !Double.isNaN(yAll[i])).toArray();
        if (keep.length < yAll.length) {
            warnings.add((yAll.length - keep.length) + " rows with a missing outcome " + outcome + " were dropped");
        }
        Dataset data = keep.length < yAll.length ? dataset.rows(keep) : dataset;
        ModelMatrix m = ModelFrame.of(Formula.parse(treatmentModel)).build(data);
        warnings.addAll(m.warnings());
        double[] t = m.response();
        TreeSet<Double> levels = new TreeSet<>();
        for (double v : t) {
            levels.add(v);
            if (levels.size() > 2) {
                break;
            }
        }
        String tname = m.responseName();
        if (levels.size() != 2) {
            throw new InputException(String.format(Locale.ROOT, "psmatch needs a treatment with two levels; %s has %s%s "
                    + "among %d rows: recode it to two levels", tname, levels.size() > 2 ? "more than 2: " : "",
                    levels.size() == 1 ? "only " + fmt(levels.first()) : levels, t.length));
        }
        double controlLevel = control == null ? levels.first() : control;
        if (!levels.contains(controlLevel)) {
            throw new InputException("--control " + fmt(controlLevel) + " is not a value of " + tname + " (values: "
                    + fmt(levels.first()) + ", " + fmt(levels.last()) + ")");
        }
        boolean[] treated = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            treated[i] = t[i] != controlLevel;
        }
        double[] y = new double[m.rowCount()];
        double[] yKept = data.numeric(outcome).toDoubleArray();
        int[] rows = m.rows();
        for (int i = 0; i < rows.length; i++) {
            y[i] = yKept[rows[i]];
        }
        Estimand e = estimand == EstimandOption.att ? Estimand.ATT : Estimand.ATE;
        MatchingResult result;
        if (kernel != null) {
            if (!se.equals("bootstrap")) {
                throw new InputException("kernel matching has bootstrap standard errors only: add --se bootstrap");
            }
            if (link != LinkOption.logit || score != ScoreOption.probability || caliper != null) {
                throw new InputException("kernel matching uses the logit probability without a caliper: remove --link, "
                        + "--score and --caliper");
            }
            result = KernelMatch.withDefaults().withKernel(Kernel.valueOf(kernel.name().toUpperCase(Locale.ROOT)))
                    .withBandwidth(bandwidth).withEstimand(e).withBootstrap(reps, global.seed())
                    .fit(y, treated, m.columns(), m.names());
        } else {
            PsMatch.StandardError standardError = switch (se) {
                case "ai2016" -> PsMatch.StandardError.AI2016;
                case "ai2006" -> PsMatch.StandardError.AI2006;
                case "ai2006-robust" -> PsMatch.StandardError.AI2006_ROBUST;
                case "bootstrap" -> throw new InputException("the bootstrap is not valid for nearest-neighbour matching "
                        + "(Abadie and Imbens 2008): use --se ai2016, or kernel matching with --kernel");
                default -> throw new InputException("--se must be ai2016, ai2006, ai2006-robust or bootstrap, not " + se);
            };
            PsMatch settings = PsMatch.withDefaults().withNeighbors(neighbors).withEstimand(e).withReplacement(replace)
                    .withScore(score == ScoreOption.linear ? PsMatch.Score.LINEAR : PsMatch.Score.PROBABILITY)
                    .withStandardError(standardError).withVarianceNeighbors(varianceNeighbors)
                    .withLink(link == LinkOption.probit ? Link.PROBIT : Link.LOGIT).withTieTolerance(tieTolerance)
                    .withCommonSupport(PsMatch.CommonSupport.valueOf(support.name().toUpperCase(Locale.ROOT)), trim);
            if (caliper != null) {
                settings = settings.withCaliper(caliper);
            }
            result = settings.fit(y, treated, m.columns(), m.names());
        }
        if (weightsFile != null) {
            int[] original = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                original[i] = keep[rows[i]];
            }
            writeWeights(weightsFile, original, treated, result.weights());
        }
        if (lovePlot != null) {
            try {
                Files.writeString(lovePlot, result.lovePlotSvg(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new InputException("cannot write the love plot to " + lovePlot + ": " + ex.getMessage(), ex);
            }
        }
        return new CommandResult(result, warnings, m.rowCount());
    }

    private static void writeWeights(Path file, int[] rows, boolean[] treated, MatchingWeights w) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("row,treated,matching_weight,ipw_weight\n");
            for (int i = 0; i < rows.length; i++) {
                out.write((rows[i] + 1) + "," + (treated[i] ? 1 : 0) + "," + w.matching()[i] + ","
                        + (w.ipw().length > i ? w.ipw()[i] : 0) + "\n");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The library result with the command's own warnings (dropped rows) in front. */
    private record CommandResult(MatchingResult inner, List<String> extra, int rows) implements EstimationResult {
        @Override
        public String method() {
            return inner.method();
        }

        @Override
        public List<Estimate> estimates() {
            return inner.estimates();
        }

        @Override
        public int n() {
            return inner.n();
        }

        @Override
        public Map<String, Object> diagnostics() {
            return inner.diagnostics();
        }

        @Override
        public List<String> warnings() {
            List<String> all = new ArrayList<>(extra);
            all.addAll(inner.warnings());
            return all;
        }
    }
}
