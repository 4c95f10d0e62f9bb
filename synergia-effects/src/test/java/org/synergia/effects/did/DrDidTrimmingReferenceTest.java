package org.synergia.effects.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synergia.data.InputException;
import org.synergia.data.OptionStyle;
import org.synergia.stats.inference.Estimate;
import org.synergia.testdata.TestFiles;

/**
 * Two-period DiD with trimming that removes comparison units and with sampling weights, against R DRDID
 * 1.2.3 on the simulated {@code did_trim_panel.csv} and {@code did_trim_rc.csv} of synergia-testdata
 * ({@code reference/did_trim_weights.R} made {@code did_trim_weights.json}); and the refusals of trimming
 * levels that are out of range or leave no comparison unit.
 */
class DrDidTrimmingReferenceTest {

    private static final double ATT_TOLERANCE = 1e-6;
    private static final double SE_TOLERANCE = 1e-4;

    private static JsonNode reference(String design, boolean weighted) {
        return TestFiles.referenceJson("did_trim_weights.json").get(design).get(weighted ? "weighted" : "unweighted");
    }

    private static void check(JsonNode ref, DidResult r) {
        Estimate e = r.att();
        double att = ref.get("att").asDouble();
        double se = ref.get("se").asDouble();
        assertEquals(att, e.estimate(), ATT_TOLERANCE * Math.abs(att), "ATT");
        assertEquals(se, e.se(), SE_TOLERANCE * se, "SE");
    }

    private static DidColumns columns(String file, String time, boolean weighted) {
        Map<String, double[]> c = TestFiles.numericColumns(file);
        DidColumns cols = DidColumns.of("y", c.get("y"), time, c.get(time), "treated", c.get("treated"))
                .withCovariate("x1", c.get("x1")).withCovariate("x2", c.get("x2")).withCovariate("x3", c.get("x3"));
        if (file.contains("panel")) {
            cols = cols.withId("id", c.get("id"));
        }
        return weighted ? cols.withWeights("w", c.get("w")) : cols;
    }

    private static void checkTrimmed(String design, String file, String time, String method, String key, double level,
            boolean weighted) {
        DidMethod m = DidMethod.parse(method);
        DidResult r = DrDid.withDefaults().withMethod(m).withTrimLevel(level).fit(columns(file, time, weighted));
        JsonNode ref = reference(design, weighted).get("trim_" + level);
        check(ref.get(key), r);
        int trimmed = ref.get(m == DidMethod.DR_IMPROVED ? "trimmed_ipt" : "trimmed_logit").asInt();
        assertEquals(trimmed, r.diagnostics().get("n_trimmed"), "comparison units trimmed");
        if (trimmed > 0) {
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("gives weight zero to " + trimmed)),
                    r.warnings().toString());
        }
    }

    // R 4.2.2 DRDID 1.2.3 drdid(estMethod = "imp"/"trad", trim.level = L), ipwdid(normalized = TRUE/FALSE,
    // trim.level = L), yname = "y", tname = "period", idname = "id", dname = "treated", xformla = ~ x1 + x2 + x3,
    // panel = TRUE, weightsname = NULL or "w", L = 0.995 and 0.9, on did_trim_panel.csv (did_trim_weights.json ->
    // panel -> unweighted/weighted -> trim_L); relative tolerances 1e-6 (ATT), 1e-4 (SE)
    @ParameterizedTest
    @CsvSource({"dr-improved, dr_improved", "dr-traditional, dr_traditional", "ipw-std, ipw_normalized",
        "ipw, ipw_unnormalized"})
    void panelWithTrimmingMatchesDrdid(String method, String key) {
        for (boolean weighted : new boolean[] {false, true}) {
            for (double level : new double[] {0.995, 0.9}) {
                checkTrimmed("panel", "did_trim_panel.csv", "period", method, key, level, weighted);
            }
        }
    }

    // R 4.2.2 DRDID 1.2.3 as above with panel = FALSE, tname = "year", on did_trim_rc.csv
    // (did_trim_weights.json -> repeated_cross_sections -> unweighted/weighted -> trim_L); 1e-6 (ATT), 1e-4 (SE)
    @ParameterizedTest
    @CsvSource({"dr-improved, dr_improved", "dr-traditional, dr_traditional", "ipw-std, ipw_normalized",
        "ipw, ipw_unnormalized"})
    void repeatedCrossSectionsWithTrimmingMatchDrdid(String method, String key) {
        for (boolean weighted : new boolean[] {false, true}) {
            for (double level : new double[] {0.995, 0.9}) {
                checkTrimmed("repeated_cross_sections", "did_trim_rc.csv", "year", method, key, level, weighted);
            }
        }
    }

    // R 4.2.2 DRDID 1.2.3 ordid(...) and twfe_did_panel(y1, y0, D, covariates = cbind(1, x1, x2, x3), i.weights = w)
    // / twfe_did_rc(y, post, D, covariates = cbind(1, x1, x2, x3), i.weights = w), weights NULL or w, on both files
    // (did_trim_weights.json -> design -> unweighted/weighted -> outcome_regression, twfe); 1e-6 (ATT), 1e-4 (SE)
    @ParameterizedTest
    @CsvSource({"panel, did_trim_panel.csv, period, reg, outcome_regression",
        "panel, did_trim_panel.csv, period, twfe, twfe",
        "repeated_cross_sections, did_trim_rc.csv, year, reg, outcome_regression",
        "repeated_cross_sections, did_trim_rc.csv, year, twfe, twfe"})
    void estimatorsWithoutAScoreMatchDrdidWithAndWithoutWeights(String design, String file, String time, String method,
            String key) {
        for (boolean weighted : new boolean[] {false, true}) {
            DidResult r = DrDid.withDefaults().withMethod(DidMethod.parse(method)).fit(columns(file, time, weighted));
            check(reference(design, weighted).get(key), r);
        }
    }

    @Test
    void aTrimmingLevelOutsideZeroToOneIsRefusedNamingTheOption() {
        for (double level : new double[] {0, -0.5, 1.5, Double.NaN}) {
            InputException e = assertThrows(InputException.class, () -> DrDid.withDefaults().withTrimLevel(level));
            assertEquals(Optional.of(DidProblem.TRIM_LEVEL), e.reason());
            assertTrue(e.getMessage().contains("give --trim a value such as 0.995"), e.getMessage());
        }
        assertEquals(DidMethod.DR_IMPROVED, DrDid.withDefaults().withTrimLevel(1).method());
    }

    @Test
    void aTrimmingLevelThatLeavesNoComparisonUnitIsRefused() {
        DidColumns panel = columns("did_trim_panel.csv", "period", true);
        for (DidMethod m : new DidMethod[] {DidMethod.DR_IMPROVED, DidMethod.DR_TRADITIONAL, DidMethod.IPW_STD, DidMethod.IPW}) {
            InputException e = assertThrows(InputException.class,
                    () -> DrDid.withDefaults().withMethod(m).withTrimLevel(1e-12).fit(panel));
            assertEquals(Optional.of(DidProblem.TRIM_REMOVES_COMPARISON), e.reason(), m.label());
            assertTrue(e.getMessage().matches("the trimming level \\S+ gives weight zero to all \\d+ comparison units .*: raise"
                    + " --trim \\(1 trims none\\) .*"), e.getMessage());
        }
        InputException rc = assertThrows(InputException.class, () -> DrDid.withDefaults().withTrimLevel(1e-12)
                .fit(columns("did_trim_rc.csv", "year", false)));
        assertEquals(Optional.of(DidProblem.TRIM_REMOVES_COMPARISON_PERIOD), rc.reason());
        assertTrue(rc.getMessage().contains("comparison observations of the pre-treatment period"), rc.getMessage());
        OptionStyle spec = name -> "options." + name;
        assertTrue(rc.message(Locale.forLanguageTag("es"), spec).contains("del periodo previo al tratamiento"),
                rc.message(Locale.forLanguageTag("es"), spec));
        assertTrue(rc.message(Locale.FRENCH, spec).contains("relevez options.trim"), rc.message(Locale.FRENCH, spec));
        // without a propensity score nothing is trimmed, so nothing is refused
        DidResult reg = DrDid.withDefaults().withMethod(DidMethod.REG).withTrimLevel(1e-12).fit(panel);
        assertTrue(Double.isFinite(reg.att().estimate()));
    }
}
