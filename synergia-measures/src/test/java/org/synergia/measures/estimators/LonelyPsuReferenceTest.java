package org.synergia.measures.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.OptionStyle;
import org.synergia.data.io.DatasetReaders;
import org.synergia.measures.survey.SurveyProblem;
import org.synergia.measures.testdata.ReferenceFiles;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.Estimate;

/**
 * A stratum with one PSU ({@code --lonely-psu}) against R 4.2.2 survey 4.1-1 with
 * {@code options(survey.lonely.psu = ...)}: {@code reference/lonely_psu.R} on R's apistrat reduced so that stratum
 * "H" has one district ({@code apistrat_lonely.csv}), and at stage 2 on apiclus2 with ten PSUs of one non-certainty
 * school ({@code apiclus2_lonely.csv}; R's {@code average} gives NaN there, Synergia averages over the PSUs with several
 * schools, so only {@code remove} and {@code adjust} are compared); estimates at 1e-12 and SEs at 1e-10 relative.
 */
class LonelyPsuReferenceTest {

    private static final Dataset STRATA = DatasetReaders.read(ReferenceFiles.resource("apistrat_lonely.csv"));
    private static final Dataset STAGE2 = DatasetReaders.read(ReferenceFiles.resource("apiclus2_lonely.csv"));
    private static final Map<String, List<String>> REF = ReferenceFiles.csv(ReferenceFiles.resource("lonely_psu.csv"));

    private static Estimate fit(Estimator estimator, String design, String rule) {
        Map<String, String> options = new HashMap<>(design.equals("strata")
                ? Map.of("variable", "api00", "weights", "pw", "strata", "stype", "psu", "dnum")
                : Map.of("variable", "api00", "psu", "dnum", "ssu", "snum", "fpc", "fpc1", "fpc2", "fpc2"));
        if (rule != null) {
            options.put("lonely-psu", rule);
        }
        return Estimation.of(design.equals("strata") ? STRATA : STAGE2, EstimatorOptions.of(estimator, options),
                MissingPolicy.DROP).result().estimates().get(0);
    }

    private static double ref(String design, String rule, String statistic, String column) {
        for (int i = 0; i < REF.get("rule").size(); i++) {
            if (REF.get("design").get(i).equals(design) && REF.get("rule").get(i).equals(rule)
                    && REF.get("statistic").get(i).equals(statistic)) {
                return Double.parseDouble(REF.get(column).get(i));
            }
        }
        throw new AssertionError("no reference for " + rule + " " + statistic);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"strata, remove, mean", "strata, remove, total", "strata, adjust, mean", "strata, adjust, total",
        "strata, average, mean", "strata, average, total", "stage2, remove, mean", "stage2, remove, total",
        "stage2, adjust, mean", "stage2, adjust, total"})
    void matchesRSurvey(String design, String rule, String statistic) {
        Estimate e = fit(statistic.equals("mean") ? new MeanEstimator() : new TotalEstimator(), design, rule);
        assertEquals(ref(design, rule, statistic, "estimate"), e.estimate(), 1e-12 * Math.abs(e.estimate()), "estimate");
        assertEquals(ref(design, rule, statistic, "se"), e.se(), 1e-10 * ref(design, rule, statistic, "se"), "se");
    }

    @Test
    void byDefaultTheStratumIsNamedByItsValueAndTheChoicesOffered() {
        InputException e = assertThrows(InputException.class, () -> fit(new MeanEstimator(), "strata", null));
        assertEquals(SurveyProblem.SINGLE_PSU_IN_STRATUM, e.reason().orElseThrow());
        assertEquals("stratum H of --strata has only one PSU: its variance cannot be estimated; give --lonely-psu remove,"
                + " adjust or average (R survey's survey.lonely.psu), merge it with a similar stratum, or give its FPC if it is"
                + " a certainty unit", e.message(Locale.ENGLISH, OptionStyle.COMMAND_LINE));
    }
}
