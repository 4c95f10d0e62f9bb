package org.synergia.cases.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.synergia.cases.simulate.SimulatedSurvey;
import org.synergia.cases.simulate.SurveySimulator;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.StringColumn;
import org.synergia.data.io.DatasetReaders;

/**
 * The survey a case's plan runs on: the bundled simulated survey (with its planted truth), or the
 * user's survey file with its columns renamed as the specification's {@code data.mapping} says.
 *
 * @param data the survey, with the plan's variable names
 * @param survey the simulated survey and its truth, when the data are simulated
 * @param source the file, or the simulated survey's name
 * @param sha256 fingerprint of the data
 * @param seed the simulated survey's seed (0 for real data)
 */
public record CaseData(Dataset data, Optional<SimulatedSurvey> survey, String source, String sha256, long seed) {

    /** @return true when the data are simulated */
    public boolean simulated() {
        return survey.isPresent();
    }

    /**
     * @param spec the case
     * @return the same data with the specification's indicator outcomes computed from their item columns
     */
    public CaseData withOutcomes(CaseSpec spec) {
        return new CaseData(OutcomeColumns.derive(spec, data), survey, source, sha256, seed);
    }

    /**
     * Loads a case's data.
     *
     * @param spec the case
     * @param specDirectory where relative data paths are resolved (the specification's folder), or null for the working folder
     * @param seedOverride a seed to simulate with instead of the specification's, or null
     * @return the data
     */
    public static CaseData load(CaseSpec spec, Path specDirectory, Long seedOverride) {
        if (spec.data().simulated()) {
            long seed = seedOverride != null ? seedOverride : spec.simulation().orElseThrow().seed();
            SimulatedSurvey survey = SurveySimulator.simulate(spec, seed);
            return new CaseData(survey.data(), Optional.of(survey), survey.data().name(), Provenance.sha256(survey.data()), seed);
        }
        Path file = Path.of(spec.data().file().orElseThrow());
        if (!file.isAbsolute() && specDirectory != null) {
            file = specDirectory.resolve(file);
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(spec.file() + ": data.file: " + file + " does not exist; give the survey's path relative to the specification");
        }
        Dataset mapped = applyMapping(spec, DatasetReaders.read(file), file);
        return new CaseData(mapped, Optional.empty(), file.toString(), Provenance.sha256(mapped), 0);
    }

    /** Renames the survey's columns to the names the plan uses. */
    static Dataset applyMapping(CaseSpec spec, Dataset raw, Path file) {
        Map<String, String> mapping = spec.data().mapping();
        Set<String> mappedColumns = new HashSet<>(mapping.values());
        Dataset.Builder b = Dataset.builder(raw.name()).label(raw.label());
        raw.metadata().forEach(b::metadata);
        for (Map.Entry<String, String> m : mapping.entrySet()) {
            if (!raw.hasColumn(m.getValue())) {
                throw new InputException(spec.file() + ": data.mapping." + m.getKey() + ": column '" + m.getValue()
                        + "' is not in " + file.getFileName() + "; its variables are " + abbreviate(raw.columnNames()));
            }
            b.add(renamed(raw.column(m.getValue()), m.getKey()));
        }
        for (Column c : raw.columns()) {
            if (!mappedColumns.contains(c.name()) && !mapping.containsKey(c.name())) {
                b.add(c);
            }
        }
        return b.build();
    }

    private static Column renamed(Column c, String name) {
        if (c instanceof NumericColumn n) {
            return n.renamed(name);
        }
        StringColumn s = (StringColumn) c;
        return s.renamed(name);
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 12 ? String.join(", ", names) : String.join(", ", names.subList(0, 12)) + ", ... (" + names.size() + " in all)";
    }
}
