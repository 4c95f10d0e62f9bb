package org.synergia.measures.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.measures.testdata.ReferenceFiles;
import org.synergia.stats.inference.Estimate;
import org.synergia.testdata.TestFiles;

class SurveyEstimatorTest {

    private static final double TOL = 1e-8;

    private static void assertRel(double expected, double actual, double tol) {
        assertEquals(expected, actual, tol * Math.max(1, Math.abs(expected)));
    }

    @Test
    void apistratMeanAndTotalMatchRSurvey() {
        // R survey 4.1-1: svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat);
        // svymean(~api00), svytotal(~enroll)  (reference_values.json -> apistrat_survey)
        JsonNode ref = TestFiles.referenceJson("reference_values.json").get("apistrat_survey");
        Map<String, List<String>> d = ReferenceFiles.csv(TestFiles.reference("apistrat.csv"));
        SurveyDesign design = SurveyDesign.weighted(ReferenceFiles.numbers(d, "pw"))
                .withStrata(ReferenceFiles.codes(d, "stype"))
                .withFpc(ReferenceFiles.numbers(d, "fpc"));
        Estimate mean = SurveyEstimator.withDefaults().mean(design, ReferenceFiles.numbers(d, "api00"), "api00")
                .term("mean:api00");
        assertRel(ref.at("/mean_api00/estimate").asDouble(), mean.estimate(), TOL);
        assertRel(ref.at("/mean_api00/se").asDouble(), mean.se(), TOL);
        Estimate total = SurveyEstimator.withDefaults().total(design, ReferenceFiles.numbers(d, "enroll"), "enroll")
                .term("total:enroll");
        assertRel(ref.at("/total_enroll/estimate").asDouble(), total.estimate(), TOL);
        assertRel(ref.at("/total_enroll/se").asDouble(), total.se(), TOL);
    }

    @Test
    void designVariablesReadTheDesignFromADataset() {
        // same apistrat reference, the design described by variable names (text strata)
        JsonNode ref = TestFiles.referenceJson("reference_values.json").get("apistrat_survey");
        Map<String, List<String>> d = ReferenceFiles.csv(TestFiles.reference("apistrat.csv"));
        org.synergia.data.Dataset data = org.synergia.data.Dataset.builder("apistrat")
                .addStrings("stype", d.get("stype").toArray(String[]::new))
                .addNumeric("pw", ReferenceFiles.numbers(d, "pw")).addNumeric("fpc", ReferenceFiles.numbers(d, "fpc"))
                .build();
        SurveyDesign design = new DesignVariables("pw", "stype", null, null, "fpc", null).design(data);
        Estimate mean = SurveyEstimator.withDefaults().mean(design, ReferenceFiles.numbers(d, "api00"), "api00")
                .term("mean:api00");
        assertRel(ref.at("/mean_api00/se").asDouble(), mean.se(), TOL);
        List<String> labels = new java.util.ArrayList<>();
        int[] codes = DesignVariables.codes(data, "stype", labels);
        assertEquals(List.of("E", "H", "M"), labels.stream().sorted().toList());
        assertEquals(labels.indexOf(d.get("stype").get(0)), codes[0]);
    }

    @Test
    void weightsComeFromFpcWhenAbsent() {
        // apistrat's pw is exactly N_h / n_h, so the design without weights gives the same mean
        Map<String, List<String>> d = ReferenceFiles.csv(TestFiles.reference("apistrat.csv"));
        SurveyDesign design = SurveyDesign.simpleRandom(200).withStrata(ReferenceFiles.codes(d, "stype"))
                .withFpc(ReferenceFiles.numbers(d, "fpc"));
        double[] pw = ReferenceFiles.numbers(d, "pw");
        for (int i = 0; i < pw.length; i++) {
            assertRel(pw[i], design.weight(i), 1e-6);
        }
    }

    @Test
    void loneStratumPsuIsRefused() {
        SurveyDesign design = SurveyDesign.simpleRandom(3).withStrata(new int[] {1, 1, 2});
        assertThrows(InputException.class,
                () -> SurveyEstimator.withDefaults().mean(design, new double[] {1, 2, 3}, "y"));
    }

    @Test
    void missingValuesAreRefused() {
        SurveyDesign design = SurveyDesign.simpleRandom(3);
        assertThrows(InputException.class,
                () -> SurveyEstimator.withDefaults().mean(design, new double[] {1, Double.NaN, 3}, "y"));
    }
}
