package org.synergia.measures.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/**
 * The variables of a dataset that describe its sample design, by name (null when absent), as a
 * case specification or the command line names them; {@link #design(Dataset)} builds the
 * {@link SurveyDesign}. Identifier variables may be numeric or text; every row needs a value.
 *
 * @param weights sampling weights
 * @param strata stratum identifiers
 * @param psu primary sampling unit identifiers
 * @param ssu second-stage unit identifiers
 * @param fpc stage-1 finite population correction (count or fraction)
 * @param fpc2 stage-2 finite population correction (count or fraction)
 */
public record DesignVariables(String weights, String strata, String psu, String ssu, String fpc, String fpc2) {

    /** @return the variables named, in the order weights, strata, PSU, SSU, fpc, fpc2 (nulls left out) */
    public List<String> names() {
        List<String> out = new java.util.ArrayList<>();
        for (String v : new String[] {weights, strata, psu, ssu, fpc, fpc2}) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** @return no design variables: an unweighted simple random sample */
    public static DesignVariables none() {
        return new DesignVariables(null, null, null, null, null, null);
    }

    /**
     * @param data the dataset
     * @return the design its variables describe
     */
    public SurveyDesign design(Dataset data) {
        SurveyDesign d = SurveyDesign.simpleRandom(data.rowCount());
        if (strata != null) {
            List<String> labels = new java.util.ArrayList<>();
            d = d.withStrata(codes(data, strata, labels), labels);
        }
        if (psu != null) {
            d = d.withClusters(codes(data, psu, null));
        }
        if (ssu != null) {
            d = d.withSecondStageUnits(codes(data, ssu, null));
        }
        if (fpc != null) {
            d = d.withFpc(data.numeric(fpc).toDoubleArray());
        }
        if (fpc2 != null) {
            d = d.withSecondStageFpc(data.numeric(fpc2).toDoubleArray());
        }
        if (weights != null) {
            d = d.withWeights(data.numeric(weights).toDoubleArray());
        }
        return d;
    }

    /**
     * Integer codes for the distinct values of an identifier or grouping variable, in order of
     * first appearance.
     *
     * @param data the dataset
     * @param variable the variable
     * @param labels receives the distinct values' texts in code order (may be null)
     * @return each row's code
     */
    public static int[] codes(Dataset data, String variable, List<String> labels) {
        return codes(data, variable, labels, null);
    }

    /**
     * Integer codes for the distinct values of a grouping variable on some rows, in order of first
     * appearance among them; the other rows get code -1 (for domain estimation: a row outside the
     * domain is in no group).
     *
     * @param data the dataset
     * @param variable the variable
     * @param labels receives the distinct values' texts in code order (may be null)
     * @param rows which rows to code, or null for all
     * @return each row's code, -1 outside {@code rows}
     */
    public static int[] codes(Dataset data, String variable, List<String> labels, boolean[] rows) {
        Column c = data.column(variable);
        Map<String, Integer> index = new HashMap<>();
        int[] out = new int[c.size()];
        for (int i = 0; i < out.length; i++) {
            if (rows != null && !rows[i]) {
                out[i] = -1;
                continue;
            }
            if (c.isMissing(i)) {
                throw new InputException("variable '" + variable + "' is missing at row " + (i + 1)
                        + ": every row needs a value; drop or fill those rows");
            }
            String key = c.text(i);
            Integer code = index.get(key);
            if (code == null) {
                code = index.size();
                index.put(key, code);
                if (labels != null) {
                    labels.add(key);
                }
            }
            out[i] = code;
        }
        return out;
    }
}
