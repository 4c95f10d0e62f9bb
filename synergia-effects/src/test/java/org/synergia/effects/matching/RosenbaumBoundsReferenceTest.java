package org.synergia.effects.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.io.DatasetReaders;
import org.synergia.testdata.TestFiles;

/**
 * Rosenbaum bounds against R 4.2.2 rbounds 2.2 {@code psens} and {@code hlsens}
 * ({@code reference/rosenbaum_matching.R}, which wrote {@code rosenbaum_matching.json}), and the matched
 * pairs they take against R Matching 4.10.8 {@code Match(..., M = 1, ties = TRUE)} (lalonde.csv) and
 * against exact nearest neighbours found in base R, whose ATT is Stata 18's ATET (cattaneo2.dta).
 *
 * <p>Tolerances: the pairs and the ATT are means of a few outcomes, equal up to rounding (1e-9
 * relative). The p-value bounds are compared with the unrounded psens values (psens's code run with
 * {@code round} shadowed) at 1e-10 absolute: both compute the same sums of ranks exactly and a normal
 * tail accurate to about 1e-15, and R's {@code 1 - pnorm(z)} loses only absolute precision below
 * 1e-16; and with the values psens returns, rounded to 4 decimals, at 5e-5. {@code Γ*} is R's
 * {@code uniroot} (tol 1e-13) on the unrounded upper bound, compared at 1e-8: the p-value's slope
 * near {@code Γ*} is about 0.5 to 2 per unit of {@code Γ}, so a 1e-10 difference in p moves it by
 * less than 1e-9. The exact Hodges-Lehmann bounds are order statistics of the Walsh averages, from
 * base R by the same definition, compared at 1e-9 relative; rbounds' {@code hlsens} steps by
 * {@code pr} from its start and stops at the first step past the crossing, so its bounds are
 * compared (for {@code Γ > 1}) at {@code pr} plus half the interval on which the statistic equals its
 * target (the script's {@code hl_*_plateau}, where the exact solution is that interval's midpoint).
 */
class RosenbaumBoundsReferenceTest {

    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RosenbaumBoundsReferenceTest.class.getResourceAsStream("/reference/rosenbaum_matching.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void lalondePairsAreRMatchingsAndTheirBoundsRboundss() {
        Lalonde l = Lalonde.load();
        // R Matching's default distance.tolerance = 1e-5; the logit fitted here, as the command line does
        MatchingResult r = PsMatch.withDefaults().withTies(new Ties(Ties.Convention.MATCHING, 1e-5)).withStandardError(PsMatch.StandardError.AI2006)
                .fit(l.re78, l.treated, withIntercept(l.covariates), names(Lalonde.COVARIATES));
        check(ref.get("lalonde"), r);
    }

    @Test
    void cattaneoPairsAreExactNearestNeighboursAndTheirBoundsRboundss() {
        Dataset d = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        String[] covariates = {"mmarried", "mage", "fage", "medu", "prenatal1"};
        double[] y = d.numeric("bweight").toDoubleArray();
        double[] t = d.numeric("mbsmoke").toDoubleArray();
        boolean[] treated = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            treated[i] = t[i] == 1;
        }
        double[][] x = Arrays.stream(covariates).map(v -> d.numeric(v).toDoubleArray()).toArray(double[][]::new);
        // Synergia's default: exact ties only, as Stata's teffects psmatch
        MatchingResult r = PsMatch.withDefaults().fit(y, treated, withIntercept(x), names(covariates));
        JsonNode c = ref.get("cattaneo2");
        assertEquals(c.get("stata_atet").asDouble(), r.effect().estimate(), 5e-5, "Stata 18 ATET, 7 digits");
        check(c, r);
    }

    @Test
    void rosenbaumsLeadExampleOfThePsensHelpPage() {
        JsonNode lead = ref.get("lead");
        RosenbaumSensitivity s = RosenbaumBounds.withDefaults().fit(numbers(lead.get("treated")), numbers(lead.get("control")));
        bounds(lead, s);
    }

    /** The pairs, the ATT, then the bounds. */
    private static void check(JsonNode c, MatchingResult r) {
        MatchedPairs pairs = r.pairs().orElseThrow();
        int[] rows = pairs.treatedRows();
        int[] expectedRows = new int[c.get("treated_row").size()];
        for (int i = 0; i < expectedRows.length; i++) {
            expectedRows[i] = c.get("treated_row").get(i).asInt() - 1;
        }
        assertArrayEquals(expectedRows, rows, "the matched treated units");
        double[] control = pairs.controlOutcomes();
        for (int i = 0; i < control.length; i++) {
            double e = c.get("control").get(i).asDouble();
            assertEquals(e, control[i], 1e-9 * Math.max(1, Math.abs(e)), "control value of treated row " + (rows[i] + 1));
        }
        double att = c.get("att").asDouble();
        assertEquals(att, r.effect().estimate(), 1e-9 * Math.abs(att), "ATT");
        bounds(c, RosenbaumBounds.withDefaults().fit(pairs));
    }

    private static void bounds(JsonNode c, RosenbaumSensitivity s) {
        assertEquals(c.get("alternative").asText(), s.alternative().name().toLowerCase(java.util.Locale.ROOT));
        assertEquals(c.get("n_pairs").asInt(), s.pairs());
        assertEquals(c.get("zero_differences").asInt(), s.zeroDifferences());
        assertEquals(c.get("gamma_star").asDouble(), s.gammaStar(), 1e-8, "Γ*");
        assertEquals(c.get("gamma").size(), s.bounds().size());
        double pr = c.get("hlsens_pr").asDouble();
        for (int i = 0; i < s.bounds().size(); i++) {
            RosenbaumSensitivity.Bound b = s.bounds().get(i);
            double g = c.get("gamma").get(i).asDouble();
            String at = " at Γ = " + g;
            assertEquals(g, b.gamma());
            assertEquals(c.get("p_upper").get(i).asDouble(), b.pUpper(), 1e-10, "p upper" + at);
            assertEquals(c.get("p_lower").get(i).asDouble(), b.pLower(), 1e-10, "p lower" + at);
            assertEquals(c.get("p_upper_rounded").get(i).asDouble(), b.pUpper(), 5e-5 + 1e-12, "psens's printed upper" + at);
            assertEquals(c.get("p_lower_rounded").get(i).asDouble(), b.pLower(), 5e-5 + 1e-12, "psens's printed lower" + at);
            double lo = c.get("hl_lower").get(i).asDouble();
            double hi = c.get("hl_upper").get(i).asDouble();
            assertEquals(lo, b.hlLower(), 1e-9 * Math.max(1, Math.abs(lo)), "HL lower, Walsh averages" + at);
            assertEquals(hi, b.hlUpper(), 1e-9 * Math.max(1, Math.abs(hi)), "HL upper, Walsh averages" + at);
            if (g > 1) {
                assertEquals(c.get("hlsens_lower").get(i).asDouble(), b.hlLower(),
                        pr + c.get("hl_lower_plateau").get(i).asDouble() / 2 + 1e-9, "hlsens lower" + at);
                assertEquals(c.get("hlsens_upper").get(i).asDouble(), b.hlUpper(),
                        pr + c.get("hl_upper_plateau").get(i).asDouble() / 2 + 1e-9, "hlsens upper" + at);
            }
        }
    }

    private static double[][] withIntercept(double[][] x) {
        double[][] columns = new double[x.length + 1][];
        columns[0] = new double[x[0].length];
        Arrays.fill(columns[0], 1);
        System.arraycopy(x, 0, columns, 1, x.length);
        return columns;
    }

    private static List<String> names(String[] covariates) {
        List<String> names = new ArrayList<>(List.of("(Intercept)"));
        names.addAll(List.of(covariates));
        return names;
    }

    private static double[] numbers(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }
}
