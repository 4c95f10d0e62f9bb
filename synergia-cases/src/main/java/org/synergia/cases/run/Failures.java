package org.synergia.cases.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.data.InputException;
import org.synergia.data.ReasonTexts;

/**
 * A refusal kept in the results in every report language: the diagnostic {@code failed} holds the
 * English text, {@code failed_es} and {@code failed_fr} the Spanish and French, each naming options
 * as a case specification writes them ({@link AnalysisSpec#OPTION_STYLE}).
 */
public final class Failures {

    /** The key of the English text. */
    public static final String KEY = "failed";

    private Failures() {}

    /**
     * @param language a report language ({@code en}, {@code es}, {@code fr})
     * @return the diagnostic key of the text in that language
     */
    public static String key(String language) {
        return language.equals("en") ? KEY : KEY + "_" + language;
    }

    /**
     * @param caseId the case
     * @param analysisId the analysis, empty for the whole case
     * @param outcome the outcome, empty for the whole analysis
     * @param e the refusal
     * @return its diagnostics, one per language
     */
    static List<DiagnosticRecord> of(String caseId, String analysisId, String outcome, InputException e) {
        List<DiagnosticRecord> out = new ArrayList<>();
        for (var locale : ReasonTexts.LANGUAGES) {
            out.add(new DiagnosticRecord(caseId, analysisId, outcome, key(locale.getLanguage()),
                    e.message(locale, AnalysisSpec.OPTION_STYLE)));
        }
        return out;
    }

    /**
     * @param diagnostics a case's diagnostics
     * @param analysisId the analysis, empty for the whole case
     * @param outcome the outcome, empty for the whole analysis
     * @param language the report language
     * @return the failure's text in that language (in English when that is all the results hold), if one is stored
     */
    public static Optional<String> text(List<DiagnosticRecord> diagnostics, String analysisId, String outcome, String language) {
        Optional<String> english = Optional.empty();
        for (DiagnosticRecord d : diagnostics) {
            if (d.analysisId().equals(analysisId) && d.outcome().equals(outcome)) {
                if (d.key().equals(key(language))) {
                    return Optional.of(d.value());
                }
                if (d.key().equals(KEY)) {
                    english = Optional.of(d.value());
                }
            }
        }
        return english;
    }
}
