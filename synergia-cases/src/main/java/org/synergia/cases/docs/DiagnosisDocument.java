package org.synergia.cases.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.synergia.cases.run.DesignDiagnosis;
import org.synergia.cases.run.Progress;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.stats.inference.Term;

/**
 * {@code docs/diagnosis.md}: the design diagnosis ({@link DesignDiagnosis}) of the bundled cases
 * over {@value #SURVEYS} simulated surveys per case from seed {@value #FIRST_SEED}, the surveys
 * of {@code synergia run --diagnose 100 --seed 20171}. The sections print only coverage and
 * power, which are counts over the surveys, so they do not depend on the machine or the thread
 * count. Computing them takes about as many seconds as there are surveys per case on two cores.
 */
public final class DiagnosisDocument implements GeneratedDocument {

    /** Simulated surveys per case. */
    public static final int SURVEYS = 100;
    /** Seed of the first survey; survey r uses {@code FIRST_SEED + r}. */
    public static final long FIRST_SEED = 20171;
    /** Nominal coverage of the intervals. */
    private static final double NOMINAL = 0.95;

    private static final List<String> SECTIONS = List.of("run", "table", "undercoverage", "rd", "synergy");

    private final int threads;
    private final Progress progress;

    private DiagnosisDocument(int threads, Progress progress) {
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * @param threads worker threads for the diagnosis (the text does not depend on it)
     * @param progress where the diagnosis's progress goes
     * @return the document of the bundled cases
     */
    public static DiagnosisDocument of(int threads, Progress progress) {
        return new DiagnosisDocument(Math.max(1, threads), progress);
    }

    @Override
    public String name() {
        return "diagnosis";
    }

    @Override
    public Path defaultPath() {
        return Path.of("docs", "diagnosis.md");
    }

    @Override
    public List<String> sectionNames() {
        return SECTIONS;
    }

    @Override
    public Map<String, String> sections() {
        List<CaseSpec> cases = CaseCatalogue.all();
        return render(cases, DesignDiagnosis.run(cases, SURVEYS, FIRST_SEED, threads, progress), SURVEYS, FIRST_SEED);
    }

    /**
     * Renders the sections from a diagnosis.
     *
     * @param cases the cases diagnosed
     * @param rows the diagnosis
     * @param surveys surveys per case
     * @param firstSeed the first survey's seed
     * @return the sections
     */
    static Map<String, String> render(List<CaseSpec> cases, List<DesignDiagnosis.Row> rows, int surveys, long firstSeed) {
        Map<String, List<DesignDiagnosis.Row>> byAnalysis = new LinkedHashMap<>();
        for (DesignDiagnosis.Row r : rows) {
            byAnalysis.computeIfAbsent(label(r.caseId(), r.analysisId()), k -> new ArrayList<>()).add(r);
        }
        Map<String, String> s = new LinkedHashMap<>();
        s.put("run", run(rows, byAnalysis.size(), surveys, firstSeed));
        s.put("table", table(byAnalysis, surveys));
        s.put("undercoverage", undercoverage(rows, byAnalysis, surveys));
        s.put("rd", discontinuity(rows, surveys));
        s.put("synergy", synergy(cases, rows));
        return s;
    }

    private static String run(List<DesignDiagnosis.Row> rows, int analyses, int surveys, long firstSeed) {
        long cases = rows.stream().map(DesignDiagnosis.Row::caseId).distinct().count();
        long partial = rows.stream().filter(r -> r.replications() < surveys).count();
        return Paragraphs.wrap("`./synergia docs diagnosis` runs the design diagnosis of `./synergia run --diagnose " + surveys
                + " --seed " + firstSeed + "`: " + surveys + " simulated surveys of each case's design (seeds " + firstSeed + "–"
                + (firstSeed + surveys - 1) + "), the case's analysis plan applied to each, and every planned estimate compared"
                + " with the effect planted in that survey. " + rows.size() + " planned estimates of " + analyses + " analyses in "
                + cases + " cases carry a planted truth; "
                + (partial == 0 ? "each was estimated in all " + surveys + " surveys."
                        : partial + " of them were estimated in fewer than " + surveys + " surveys (the estimation failed in the others)."));
    }

    private static String table(Map<String, List<DesignDiagnosis.Row>> byAnalysis, int surveys) {
        StringBuilder t = new StringBuilder("| case | analysis | estimates | mean coverage of 95% CIs | range | mean power (p < 0.05) |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        for (List<DesignDiagnosis.Row> list : byAnalysis.values()) {
            DesignDiagnosis.Row first = list.get(0);
            t.append("| `").append(first.caseId()).append("` | `").append(first.analysisId()).append("` | ").append(list.size())
                    .append(" | ").append(fixed(meanCoverage(list), 3)).append(" | ").append(coverageRange(list, surveys, " – "))
                    .append(" | ").append(fixed(meanPower(list), 2)).append(" |\n");
        }
        return t.toString();
    }

    private static String undercoverage(List<DesignDiagnosis.Row> rows, Map<String, List<DesignDiagnosis.Row>> byAnalysis,
            int surveys) {
        double mcError = Math.sqrt(NOMINAL * (1 - NOMINAL) / surveys);
        double threshold = NOMINAL - 3 * mcError;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (List<DesignDiagnosis.Row> list : byAnalysis.values()) {
            low = Math.min(low, meanCoverage(list));
            high = Math.max(high, meanCoverage(list));
        }
        List<DesignDiagnosis.Row> below = rows.stream().filter(r -> r.coverage() < threshold).toList();
        String head = "The Monte Carlo standard error of one estimate's coverage over " + surveys + " surveys is about "
                + fixed(mcError, 3) + "; the analyses' mean coverages are within " + fixed(low, 3) + "–" + fixed(high, 3) + ". ";
        if (below.isEmpty()) {
            return Paragraphs.wrap(head + "No estimate covers less than " + fixed(threshold, 3) + " (three Monte Carlo SEs below 95%).");
        }
        StringBuilder s = new StringBuilder(Paragraphs.wrap(head + "Estimates more than three Monte Carlo SEs below 95% (coverage"
                + " below " + fixed(threshold, 3) + "):")).append('\n');
        for (DesignDiagnosis.Row r : below) {
            s.append("- `").append(r.caseId()).append("` / `").append(r.analysisId()).append("` / `").append(r.outcome())
                    .append("` / `").append(r.term()).append("`: ").append(fixed(r.coverage(), coverageDigits(surveys))).append('\n');
        }
        return s.toString();
    }

    /** The coverage range of each kind of regression-discontinuity row. */
    private static String discontinuity(List<DesignDiagnosis.Row> rows, int surveys) {
        Map<Term.RdRow, List<DesignDiagnosis.Row>> byKind = new LinkedHashMap<>();
        Set<String> analyses = new LinkedHashSet<>();
        Set<String> outcomes = new LinkedHashSet<>();
        for (Term.RdRow kind : Term.RdRow.values()) {
            List<DesignDiagnosis.Row> list = rows.stream()
                    .filter(r -> r.term() instanceof Term.Discontinuity d && d.row() == kind).toList();
            if (!list.isEmpty()) {
                byKind.put(kind, list);
                list.forEach(r -> {
                    analyses.add(label(r.caseId(), r.analysisId()));
                    outcomes.add(r.caseId() + "|" + r.outcome());
                });
            }
        }
        if (byKind.isEmpty()) {
            return "No analysis of the plans is a regression discontinuity.\n";
        }
        List<String> ranges = new ArrayList<>();
        byKind.forEach((kind, list) -> ranges.add("`" + new Term.Discontinuity(kind) + "` " + coverageRange(list, surveys, "–")));
        return Paragraphs.wrap("Coverage of the regression-discontinuity rows (" + String.join(", ", analyses) + ", "
                + outcomes.size() + " outcomes): " + String.join(", ", ranges) + ".");
    }

    /** Power of the synergy estimates against the effect of the combined group, over the analyses with a synergy contrast. */
    private static String synergy(List<CaseSpec> cases, List<DesignDiagnosis.Row> rows) {
        List<DesignDiagnosis.Row> synergies = new ArrayList<>();
        List<DesignDiagnosis.Row> combined = new ArrayList<>();
        Set<String> analyses = new LinkedHashSet<>();
        Set<String> combinedTerms = new LinkedHashSet<>();
        for (DesignDiagnosis.Row r : rows) {
            Optional<AnalysisSpec> analysis = analysis(cases, r);
            if (analysis.isEmpty() || analysis.get().synergy().isEmpty()) {
                continue;
            }
            int both = analysis.get().synergy().get().both();
            int control = analysis.get().control();
            if (r.term() instanceof Term.Synergy) {
                synergies.add(r);
                analyses.add(label(r.caseId(), r.analysisId()));
            } else if (r.term() instanceof Term.Effect e && e.treated() == both && e.control() == control) {
                combined.add(r);
                combinedTerms.add("`" + r.term() + "`");
            }
        }
        if (synergies.isEmpty()) {
            return "No planned estimate is a synergy.\n";
        }
        return Paragraphs.wrap("The " + synergies.size() + " synergy estimates (" + String.join(", ", analyses) + ") reach "
                + percent(meanPower(synergies)) + " power on average, against " + percent(meanPower(combined)) + " for the "
                + combined.size() + " effects of the group with both programmes against the comparison group ("
                + String.join(", ", combinedTerms) + ") in the same analyses.");
    }

    private static Optional<AnalysisSpec> analysis(List<CaseSpec> cases, DesignDiagnosis.Row r) {
        return cases.stream().filter(c -> c.id().equals(r.caseId())).flatMap(c -> c.plan().stream())
                .filter(a -> a.id().equals(r.analysisId())).findFirst();
    }

    private static String label(String caseId, String analysisId) {
        return "`" + caseId + "` / `" + analysisId + "`";
    }

    /** The share of covering intervals over all the estimates' surveys (a ratio of counts). */
    private static double meanCoverage(List<DesignDiagnosis.Row> list) {
        long covered = 0;
        long total = 0;
        for (DesignDiagnosis.Row r : list) {
            covered += Math.round(r.coverage() * r.replications());
            total += r.replications();
        }
        return (double) covered / total;
    }

    /** The mean of the estimates' powers (each a ratio of counts). */
    private static double meanPower(List<DesignDiagnosis.Row> list) {
        long rejected = 0;
        long total = 0;
        for (DesignDiagnosis.Row r : list) {
            rejected += Math.round(r.power() * r.replications());
            total += r.replications();
        }
        return total == 0 ? Double.NaN : (double) rejected / total;
    }

    private static String coverageRange(List<DesignDiagnosis.Row> list, int surveys, String dash) {
        double low = list.stream().mapToDouble(DesignDiagnosis.Row::coverage).min().orElseThrow();
        double high = list.stream().mapToDouble(DesignDiagnosis.Row::coverage).max().orElseThrow();
        int digits = coverageDigits(surveys);
        return fixed(low, digits) + dash + fixed(high, digits);
    }

    /** Enough decimals to show one survey's difference in a coverage. */
    private static int coverageDigits(int surveys) {
        return surveys <= 100 ? 2 : 3;
    }

    private static String fixed(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
