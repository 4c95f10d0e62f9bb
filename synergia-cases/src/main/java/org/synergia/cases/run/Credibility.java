package org.synergia.cases.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.stats.inference.EstimationResult;

/**
 * The credibility checks stored beside an analysis's estimates, as diagnostics whose values are JSON
 * documents with the keys of the command line's result document:
 * <ul>
 * <li>{@value #BALANCE} and {@value #BALANCE_N}: covariate balance after weighting or matching
 *     ({@code --balance}), for the analysis's first outcome (the treatment model is the same for all), with
 *     {@value #SCORE_HISTOGRAM}, the score's distribution by arm;</li>
 * <li>{@code e_value[TERM]}: the E-values of an effect, {@code {e_value, e_value_ci}};</li>
 * <li>{@code sensitivity[TERM]}: its robustness values through the pooled outcome regression
 *     ({@code --sensitivity}; linear unweighted outcome models only);</li>
 * <li>{@code rosenbaum[TERM]}: the Rosenbaum bounds' {@code rosenbaum_gamma}, {@code rosenbaum_alpha},
 *     {@code rosenbaum_alternative} and {@code rosenbaum_pairs} of a matched ATT ({@code psmatch --sensitivity}).</li>
 * </ul>
 * TERM is the estimate's stored term name ({@code ATE:1vs0}). The reports and the API read them back with {@link #read}.
 */
public final class Credibility {

    /** The key of the balance rows. */
    public static final String BALANCE = "balance";
    /** The key of the balance's numbers of observations. */
    public static final String BALANCE_N = "balance_n";
    /** The key of the score's histogram by arm (the estimators' {@code score_histogram}, psmatch's {@code overlap}). */
    public static final String SCORE_HISTOGRAM = "score_histogram";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Credibility() {
    }

    /**
     * @param term a stored term name
     * @return the key of its E-values
     */
    public static String eValueKey(String term) {
        return "e_value[" + term + "]";
    }

    /**
     * @param term a stored term name
     * @return the key of its robustness values
     */
    public static String sensitivityKey(String term) {
        return "sensitivity[" + term + "]";
    }

    /**
     * @param term a stored term name
     * @return the key of its Rosenbaum bounds
     */
    public static String rosenbaumKey(String term) {
        return "rosenbaum[" + term + "]";
    }

    /**
     * @param caseId the case
     * @param analysis the analysis
     * @param outcome the outcome
     * @param term the stored term name
     * @param result a matching result with the {@code rosenbaum_*} diagnostics
     * @return the record of its Rosenbaum bounds (the grid left out)
     */
    static DiagnosticRecord rosenbaum(String caseId, String analysis, String outcome, String term, EstimationResult result) {
        Map<String, Object> value = new LinkedHashMap<>();
        for (String key : List.of("rosenbaum_gamma", "rosenbaum_alpha", "rosenbaum_alternative", "rosenbaum_pairs")) {
            value.put(key, result.diagnostics().get(key));
        }
        return of(caseId, analysis, outcome, rosenbaumKey(term), value);
    }

    /**
     * @param caseId the case
     * @param analysis the analysis
     * @param outcome the outcome or comparison the records belong to
     * @param result a result with {@code diagnostics.balance} and {@code balance_n}
     * @return their records (none when the result has no balance)
     */
    static List<DiagnosticRecord> balance(String caseId, String analysis, String outcome, EstimationResult result) {
        List<DiagnosticRecord> out = new ArrayList<>();
        for (String key : List.of(BALANCE, BALANCE_N, SCORE_HISTOGRAM)) {
            Object v = result.diagnostics().get(key);
            if (v != null) {
                out.add(new DiagnosticRecord(caseId, analysis, outcome, key, write(v)));
            }
        }
        Object matched = result.diagnostics().get("overlap");
        if (matched instanceof List<?> && !result.diagnostics().containsKey(SCORE_HISTOGRAM)) {
            out.add(new DiagnosticRecord(caseId, analysis, outcome, SCORE_HISTOGRAM, write(matched)));
        }
        return out;
    }

    /**
     * @param caseId the case
     * @param analysis the analysis
     * @param outcome the outcome
     * @param key the key ({@link #eValueKey}, {@link #sensitivityKey})
     * @param value the statistics
     * @return the record
     */
    static DiagnosticRecord of(String caseId, String analysis, String outcome, String key, Map<String, Object> value) {
        return new DiagnosticRecord(caseId, analysis, outcome, key, write(value));
    }

    /**
     * @param diagnostics an analysis's diagnostics
     * @param outcome the outcome or comparison
     * @param key the key
     * @return the JSON value read back as maps, lists, numbers and strings
     */
    public static Optional<Object> read(List<DiagnosticRecord> diagnostics, String outcome, String key) {
        return diagnostics.stream().filter(d -> d.outcome().equals(outcome) && d.key().equals(key)).findFirst().map(d -> {
            try {
                return JSON.readValue(d.value(), new TypeReference<Object>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("diagnostic " + key + " of " + outcome + " is not JSON: " + e.getMessage(), e);
            }
        });
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a diagnostic as JSON: " + e.getMessage(), e);
        }
    }
}
