package org.synergia.effects.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.data.NumericColumn;
import org.synergia.stats.inference.Estimate;
import org.synergia.testdata.TestFiles;

/**
 * Staggered DiD against R did 2.1.2 (CRAN; DRDID 1.2.3, BMisc 1.4.6, R 4.2.2) on the simulated
 * {@code staggered_did_panel.csv}, {@code staggered_did_unbalanced.csv} and {@code staggered_did_rc.csv}
 * of synergia-testdata: {@code reference/staggered_did.R} made {@code staggered_did.json}, whose every
 * entry holds its exact call, e.g. {@code att_gt(yname = "y", tname = "year", gname = "cohort", bstrap =
 * FALSE, cband = FALSE, idname = "id", data = pd, xformla = ~ x1 + x2, control_group = "notyettreated",
 * est_method = "dr")} followed by {@code aggte(a, type = T, bstrap = FALSE, cband = FALSE)} for T simple,
 * dynamic, group and calendar. Every ATT(g,t), W and Wpval of att_gt, every aggregate and its overall
 * average are compared, estimates to 1e-6 and standard errors to 1e-4 relative (Wpval, which did rounds
 * to 5 digits, to 1e-5 absolute). The overall group average's SE is compared with the reference's
 * {@code overall_se}, did's own influence function with the group shares' estimation effect taken at
 * each group (did 2.1.2's {@code overall_se_did} takes it at the first cells' groups, fixed in did 2.5.0).
 * Methods: est_method "dr" = {@code dr-traditional}, "ipw" = {@code ipw-std}, "reg" = {@code reg}.
 */
class StaggeredDidReferenceTest {

    private static final double EST_TOLERANCE = 1e-6;
    private static final double SE_TOLERANCE = 1e-4;
    private static final JsonNode REFERENCE = TestFiles.referenceJson("staggered_did.json");

    static Stream<String> entries() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = REFERENCE.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!k.equals("note") && !k.equals("critical_values")) {
                keys.add(k);
            }
        }
        return keys.stream();
    }

    /** The columns of an entry's data: panel, unbalanced panel, cross-sections, or the panel without never (or always) treated units. */
    static DidColumns columns(String key, boolean covariates, boolean weighted) {
        String file = key.startsWith("unbalanced") ? "staggered_did_unbalanced.csv"
                : key.startsWith("rc") ? "staggered_did_rc.csv" : "staggered_did_panel.csv";
        Map<String, double[]> c = TestFiles.numericColumns(file);
        if (key.startsWith("nonever")) {
            int[] keep = IntStream.range(0, c.get("cohort").length)
                    .filter(i -> c.get("cohort")[i] != 0 && c.get("cohort")[i] != 2010).toArray();
            c.replaceAll((name, v) -> IntStream.of(keep).mapToDouble(i -> v[i]).toArray());
        }
        DidColumns cols = DidColumns.of("y", c.get("y"), "year", c.get("year"), "cohort", c.get("cohort"));
        if (!key.startsWith("rc")) {
            cols = cols.withId("id", c.get("id"));
        }
        if (covariates) {
            cols = cols.withCovariate("x1", c.get("x1")).withCovariate("x2", c.get("x2"));
        }
        return weighted ? cols.withWeights("w", c.get("w")) : cols;
    }

    /** The estimator an entry's call describes. */
    static StaggeredDid estimator(String key, JsonNode entry) {
        String call = entry.get("call").asText();
        DidMethod method = call.contains("est_method = \"ipw\"") ? DidMethod.IPW_STD
                : call.contains("est_method = \"reg\"") ? DidMethod.REG : DidMethod.DR_TRADITIONAL;
        StaggeredDid s = StaggeredDid.withDefaults().withMethod(method)
                .withControlGroup(call.contains("notyettreated") ? ControlGroup.NOT_YET_TREATED : ControlGroup.NEVER_TREATED)
                .withBasePeriod(call.contains("universal") ? BasePeriod.UNIVERSAL : BasePeriod.VARYING)
                .withAnticipation(call.contains("anticipation = 1") ? 1 : 0)
                .withUnbalancedPanel(call.contains("allow_unbalanced_panel = TRUE"));
        String args = entry.get("dynamic").get("args").asText();
        double min = args.contains("min_e = -3") ? -3 : Double.NEGATIVE_INFINITY;
        double max = args.contains("max_e = 2") ? 2 : args.contains("max_e = 1") ? 1 : Double.POSITIVE_INFINITY;
        double balance = args.contains("balance_e = 1") ? 1 : Double.NaN;
        return s.withEventWindow(min, max, balance);
    }

    static StaggeredDidResult fit(String key) {
        JsonNode entry = REFERENCE.get(key);
        String call = entry.get("call").asText();
        return estimator(key, entry).fit(columns(key, call.contains("xformla"), call.contains("weightsname")));
    }

    private static void check(String what, double expected, double actual, double tolerance) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": R gives NA, Synergia " + actual);
            return;
        }
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    private static double value(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static void checkRow(String key, StaggeredDidResult r, String term, double att, double se) {
        Estimate e = r.term(term);
        check(key + " " + term + " estimate", att, e.estimate(), EST_TOLERANCE);
        check(key + " " + term + " se", se, e.se(), SE_TOLERANCE);
    }

    private static void checkSeries(String key, StaggeredDidResult r, JsonNode block, String index, String prefix) {
        for (int i = 0; i < block.get(index).size(); i++) {
            String term = prefix + NumericColumn.formatNumber(block.get(index).get(i).asDouble());
            checkRow(key, r, term, value(block.get("att").get(i)), value(block.get("se").get(i)));
        }
    }

    // R 4.2.2 did 2.1.2 att_gt(..., bstrap = FALSE, cband = FALSE) and aggte(..., bstrap = FALSE, cband = FALSE)
    // as each entry's "call" says; relative tolerances 1e-6 (estimates), 1e-4 (SEs)
    @ParameterizedTest
    @MethodSource("entries")
    void groupTimeEffectsAndAggregationsMatchDid(String key) {
        JsonNode entry = REFERENCE.get(key);
        StaggeredDidResult r = fit(key);
        JsonNode cells = entry.get("cells");
        int count = (int) r.estimates().stream().filter(e -> e.name().startsWith("ATT(")).count();
        assertEquals(cells.get("att").size(), count, key + ": number of ATT(g,t)");
        for (int i = 0; i < cells.get("att").size(); i++) {
            String term = "ATT(" + cells.get("group").get(i).asInt() + "," + cells.get("t").get(i).asInt() + ")";
            checkRow(key, r, term, value(cells.get("att").get(i)), value(cells.get("se").get(i)));
        }
        check(key + " W", entry.get("W").asDouble(), (Double) r.diagnostics().get("pretrend_wald"), EST_TOLERANCE);
        assertEquals(entry.get("Wpval").asDouble(), (Double) r.diagnostics().get("pretrend_p_value"), 1e-5, key + " Wpval");
        checkRow(key, r, "ATT", entry.get("simple").get("att").asDouble(), entry.get("simple").get("se").asDouble());
        JsonNode dynamic = entry.get("dynamic");
        checkSeries(key, r, dynamic, "e", "ATT:e=");
        assertEquals(dynamic.get("e").size(), r.estimates().stream().filter(e -> e.name().startsWith("ATT:e=")).count(),
                key + ": event times");
        checkRow(key, r, "ATT:dynamic", dynamic.get("overall_att").asDouble(), dynamic.get("overall_se").asDouble());
        JsonNode group = entry.get("group");
        checkSeries(key, r, group, "g", "ATT:g=");
        checkRow(key, r, "ATT:group", group.get("overall_att").asDouble(), group.get("overall_se").asDouble());
        JsonNode calendar = entry.get("calendar");
        checkSeries(key, r, calendar, "t", "ATT:t=");
        checkRow(key, r, "ATT:calendar", calendar.get("overall_att").asDouble(), calendar.get("overall_se").asDouble());
    }

    @Test
    void did212sGroupAverageSeDiffersOnlyByTheSharesEffect() {
        // did 2.1.2's own overall group SE: within 1% of the corrected one here, never equal to it
        JsonNode g = REFERENCE.get("panel_never_dr_x").get("group");
        double fixed = g.get("overall_se").asDouble();
        double did = g.get("overall_se_did").asDouble();
        assertTrue(Math.abs(did - fixed) / fixed < 0.01 && did != fixed, did + " vs " + fixed);
        assertEquals(fixed, fit("panel_never_dr_x").term("ATT:group").se(), SE_TOLERANCE * fixed);
    }
}
