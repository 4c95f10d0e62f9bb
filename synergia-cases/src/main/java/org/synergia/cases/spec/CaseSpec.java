package org.synergia.cases.spec;

import java.util.List;
import java.util.Optional;

/**
 * One Rural Synergies case: who runs which programmes, how the study was designed, which data it
 * analyses (a bundled simulated survey or the user's survey files), the analysis plan, the
 * institutional analysis and the narrative, in English, Spanish and French. Read from a YAML file
 * by {@link CaseSpecReader}; the schema is documented in {@code docs/case-spec.md}.
 *
 * @param id the case identifier ({@code colombia-fest-unidos}, ...)
 * @param country the country's name (the English name is the one the results store keeps)
 * @param region the world region the cross-cutting reports group by
 * @param title the case's title
 * @param summary a one-paragraph summary
 * @param programmes the programmes combined in the case
 * @param design the evaluation design and its groups
 * @param data where the survey data come from
 * @param simulation how the bundled simulated survey is generated; empty for institutional-only cases
 * @param outcomes the outcomes analysed
 * @param plan the analyses to run
 * @param multipleTesting how p-values are adjusted within each outcome domain
 * @param localEconomy the case's local economy-wide impact evaluation, if it has one
 * @param institutional the institutional analysis
 * @param findings the main findings, as bullet points
 * @param recommendations the policy recommendations, as bullet points
 * @param sources the documents the case is built from
 * @param file the file the specification was read from
 * @param sha256 the SHA-256 of that file, kept as provenance of every result
 */
public record CaseSpec(
        String id,
        Text country,
        Region region,
        Text title,
        Text summary,
        List<Programme> programmes,
        Design design,
        DataSource data,
        Optional<SimulationSpec> simulation,
        List<OutcomeSpec> outcomes,
        List<AnalysisSpec> plan,
        MultipleTesting multipleTesting,
        Optional<LocalEconomySpec> localEconomy,
        Institutional institutional,
        List<Text> findings,
        List<Text> recommendations,
        List<String> sources,
        String file,
        String sha256) {

    /** @return true when the case has no impact evaluation (only an institutional analysis) */
    public boolean institutionalOnly() {
        return plan.isEmpty();
    }

    /**
     * @param outcomeId an outcome's identifier
     * @return that outcome's specification
     */
    public OutcomeSpec outcome(String outcomeId) {
        return outcomes.stream().filter(o -> o.id().equals(outcomeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no outcome " + outcomeId + " in case " + id));
    }

    /**
     * @param code a group's code in the treatment variable
     * @return that group
     */
    public Optional<Group> group(int code) {
        return design.groups().stream().filter(g -> g.code() == code).findFirst();
    }

    /** World regions of the cases. */
    public enum Region { LATIN_AMERICA, AFRICA }

    /**
     * A programme.
     *
     * @param id short identifier
     * @param name the programme's name
     * @param type social protection, productive development, or both in one programme
     * @param institution who runs it
     * @param description what it does
     */
    public record Programme(String id, String name, ProgrammeType type, String institution, Text description) {}

    /** The kinds of programme the project combines. */
    public enum ProgrammeType { SOCIAL_PROTECTION, PRODUCTIVE, COMBINED }

    /**
     * The evaluation design.
     *
     * @param method the study's method, in words
     * @param description how it works in this case
     * @param groups the comparison groups, by code of the treatment variable
     * @param households the number of surveyed households
     * @param clusters the number of villages or communities
     * @param areas the areas surveyed
     * @param qualitative the qualitative component
     */
    public record Design(Text method, Text description, List<Group> groups, int households, int clusters,
            List<String> areas, Text qualitative) {}

    /**
     * A comparison group.
     *
     * @param code its value in the treatment variable
     * @param id short identifier
     * @param label its name
     * @param programmes the identifiers of the programmes its households receive (empty for a pure comparison group)
     */
    public record Group(int code, String id, Text label, List<String> programmes) {}

    /**
     * Where the case's survey data come from.
     *
     * @param file a survey file (CSV, .dta, .sav, Parquet), relative to the specification; empty for the bundled simulated survey
     * @param mapping the survey's column for each variable the plan names (variables not listed keep their names)
     */
    public record DataSource(Optional<String> file, java.util.Map<String, String> mapping) {
        /** @return true when the case runs on its bundled simulated survey */
        public boolean simulated() {
            return file.isEmpty();
        }
    }

    /** How p-values are adjusted within each outcome domain. */
    public enum MultipleTesting { NONE, HOLM, BH, ANDERSON }
}
