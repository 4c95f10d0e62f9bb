package org.synergia.effects.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.data.OptionStyle;
import org.synergia.stats.inference.Estimate;
import org.synergia.testdata.TestFiles;

/**
 * The staggered options beyond R did's reference values: bad input refused with one typed line, the
 * trimming level passed to every cell, clusters, an unbalanced panel that is in fact balanced, units
 * treated from the start without never-treated units, and the event-study plot.
 */
class StaggeredDidOptionsTest {

    private static final OptionStyle SPEC = name -> "options." + name;

    /** Periods 1..4, cohorts 3, 4 and never treated (every third unit), effect 1 from treatment on. */
    private static DidColumns small(int units, double[] cohorts, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = units * 4;
        double[] id = new double[rows];
        double[] t = new double[rows];
        double[] g = new double[rows];
        double[] y = new double[rows];
        double[] x = new double[rows];
        for (int u = 0; u < units; u++) {
            double cohort = cohorts[u % cohorts.length];
            double xi = r.nextGaussian();
            for (int k = 0; k < 4; k++) {
                int i = 4 * u + k;
                id[i] = u;
                t[i] = k + 1;
                g[i] = cohort;
                x[i] = xi;
                y[i] = xi + 0.3 * t[i] * (1 + xi) + (cohort > 0 && t[i] >= cohort ? 1 : 0) + r.nextGaussian();
            }
        }
        return DidColumns.of("y", y, "t", t, "cohort", g).withId("id", id).withCovariate("x", x);
    }

    private static InputException refusal(Runnable fit) {
        InputException e = assertThrows(InputException.class, fit::run);
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void aCohortOutsideThePeriodsIsRefusedNamingTheVariable() {
        DidColumns c = small(90, new double[] {0, 3, 7}, 1);
        InputException e = refusal(() -> StaggeredDid.withDefaults().fit(c));
        assertEquals(DidProblem.COHORT_OUTSIDE_PERIODS, e.reason().orElseThrow());
        assertTrue(e.getMessage().startsWith("cohort 'cohort' is 7 in row 9, outside the periods of 't' (1 to 4)"),
                e.getMessage());
        assertTrue(e.message(Locale.forLanguageTag("es"), SPEC).contains("options.cohort"));
        refusal(() -> StaggeredDid.withDefaults().fit(small(90, new double[] {0, 3, -1}, 1)));
    }

    @Test
    void withoutNeverTreatedUnitsOnlyNotYetTreatedComparisonsRun() {
        DidColumns c = small(90, new double[] {2, 3, 4}, 2);
        InputException e = refusal(() -> StaggeredDid.withDefaults().fit(c));
        assertEquals(DidProblem.NO_NEVER_TREATED, e.reason().orElseThrow());
        assertTrue(e.getMessage().contains("--control-group notyet"), e.getMessage());
        StaggeredDidResult r = StaggeredDid.withDefaults().withControlGroup(ControlGroup.NOT_YET_TREATED).fit(c);
        // cohort 4 is the comparison only and period 4 is left out: cells of cohorts 2 and 3 in periods 2 and 3
        assertEquals(List.of("ATT(2,2)", "ATT(2,3)", "ATT(3,2)", "ATT(3,3)"),
                r.estimates().stream().map(Estimate::name).filter(n -> n.startsWith("ATT(")).toList());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("cohort 4, the last treated, is the comparison group")),
                r.warnings().toString());
    }

    @Test
    void tooFewNeverTreatedUnitsAreRefusedAsDidDoes() {
        double[] cohorts = new double[30];
        Arrays.fill(cohorts, 3);
        cohorts[0] = 0;
        cohorts[1] = 4;
        InputException e = refusal(() -> StaggeredDid.withDefaults().fit(small(60, cohorts, 3)));
        assertEquals(DidProblem.NEVER_TREATED_TOO_FEW, e.reason().orElseThrow());
    }

    @Test
    void anticipationMustLeaveAPreTreatmentPeriod() {
        DidColumns c = small(90, new double[] {0, 3, 4}, 4);
        assertEquals(DidProblem.ANTICIPATION_NEGATIVE,
                refusal(() -> StaggeredDid.withDefaults().withAnticipation(-1)).reason().orElseThrow());
        InputException e = refusal(() -> StaggeredDid.withDefaults().withAnticipation(3).fit(c));
        assertEquals(DidProblem.ANTICIPATION_TOO_LARGE, e.reason().orElseThrow());
        assertTrue(e.getMessage().startsWith("with --anticipation 3 no cohort of 'cohort'"), e.getMessage());
        StaggeredDidResult r = StaggeredDid.withDefaults().withAnticipation(2).fit(c);
        assertEquals(List.of("ATT(4,2)", "ATT(4,3)", "ATT(4,4)"),
                r.estimates().stream().map(Estimate::name).filter(n -> n.startsWith("ATT(")).toList(),
                "cohort 3 is not after the first period plus 2: only cohort 4, based in period 1");
        DidColumns noNever = small(90, new double[] {3, 4}, 4);
        assertEquals(DidProblem.ANTICIPATION_NO_PERIODS, refusal(() -> StaggeredDid.withDefaults()
                .withControlGroup(ControlGroup.NOT_YET_TREATED).withAnticipation(2).fit(noNever)).reason().orElseThrow());
    }

    @Test
    void aCellWithoutComparisonRowsIsRefusedNamingTheControlGroup() {
        // repeated cross-sections with no never-treated row in period 3
        Map<String, double[]> c = TestFiles.numericColumns("staggered_did_rc.csv");
        int[] keep = IntStream.range(0, c.get("y").length)
                .filter(i -> !(c.get("cohort")[i] == 0 && c.get("year")[i] == 2013)).toArray();
        c.replaceAll((k, v) -> IntStream.of(keep).mapToDouble(i -> v[i]).toArray());
        DidColumns cols = DidColumns.of("y", c.get("y"), "year", c.get("year"), "cohort", c.get("cohort"));
        InputException e = refusal(() -> StaggeredDid.withDefaults().fit(cols));
        assertEquals(DidProblem.CELL_NO_COMPARISON, e.reason().orElseThrow());
        assertTrue(e.getMessage().startsWith("no comparison unit (--control-group never) is observed in period 2013 for"
                + " the group-time cell ATT(2012,2013)"), e.getMessage());
        assertTrue(e.message(Locale.FRENCH, SPEC).contains("options.control-group"), e.message(Locale.FRENCH, SPEC));
    }

    @Test
    void twfeAndTooFewDrawsAreRefused() {
        assertEquals(DidProblem.STAGGERED_TWFE,
                refusal(() -> StaggeredDid.withDefaults().withMethod(DidMethod.TWFE)).reason().orElseThrow());
        assertEquals(DidProblem.BOOTSTRAP_DRAWS,
                refusal(() -> StaggeredDid.withDefaults().withBootstrap(50, 1)).reason().orElseThrow());
        DidColumns c = small(90, new double[] {0, 3, 4}, 5);
        assertEquals(DidProblem.EVENT_WINDOW, refusal(() -> StaggeredDid.withDefaults()
                .withEventWindow(5, 6, Double.NaN).fit(c)).reason().orElseThrow());
        assertEquals(DidProblem.EVENT_WINDOW, refusal(() -> StaggeredDid.withDefaults()
                .withEventWindow(1, 0, Double.NaN)).reason().orElseThrow());
    }

    @Test
    void theTrimmingLevelReachesEveryCell() {
        DidColumns c = StaggeredDidReferenceTest.columns("panel_never_dr_x", true, false);
        StaggeredDid dr = StaggeredDid.withDefaults().withMethod(DidMethod.DR_TRADITIONAL);
        StaggeredDidResult usual = dr.fit(c);
        StaggeredDidResult tight = dr.withTrimLevel(0.6).fit(c);
        assertEquals(0.995, usual.diagnostics().get("trim"));
        assertEquals(0.6, tight.diagnostics().get("trim"));
        assertTrue((Integer) tight.diagnostics().get("n_trimmed") > (Integer) usual.diagnostics().get("n_trimmed"));
        assertNotEquals(usual.term("ATT").estimate(), tight.term("ATT").estimate());
        assertTrue(tight.warnings().stream().anyMatch(w -> w.startsWith("the trimming level 0.6 gives weight zero")));
        assertEquals(usual.estimates(), dr.withMethod(DidMethod.REG).withTrimLevel(0.6).withMethod(DidMethod.DR_TRADITIONAL)
                .withTrimLevel(0.995).fit(c).estimates());
    }

    @Test
    void clustersOfOneUnitScaleTheSesByTheirFactor() {
        DidColumns c = small(300, new double[] {0, 3, 4}, 6);
        double[] ids = c.id().values();
        StaggeredDidResult plain = StaggeredDid.withDefaults().fit(c);
        StaggeredDidResult clustered = StaggeredDid.withDefaults().fit(c.withClusters("id", ids));
        double factor = Math.sqrt(300 / 299.0);
        for (int i = 0; i < plain.estimates().size(); i++) {
            Estimate a = plain.estimates().get(i);
            Estimate b = clustered.estimates().get(i);
            assertEquals(a.estimate(), b.estimate(), 0.0, a.name());
            assertEquals(a.se() * factor, b.se(), 1e-12 * a.se(), a.name());
        }
        assertEquals("cluster", clustered.diagnostics().get("vce"));
        assertEquals((Double) plain.diagnostics().get("pretrend_wald") / factor / factor,
                (Double) clustered.diagnostics().get("pretrend_wald"), 1e-9);
    }

    @Test
    void anUnbalancedPanelThatIsBalancedIsAPanel() {
        DidColumns c = StaggeredDidReferenceTest.columns("panel_never_dr_x", true, false);
        StaggeredDid dr = StaggeredDid.withDefaults().withMethod(DidMethod.DR_TRADITIONAL);
        StaggeredDidResult r = dr.withUnbalancedPanel(true).fit(c);
        assertEquals(dr.fit(c).estimates(), r.estimates());
        assertEquals("staggered panel", r.diagnostics().get("design"));
        DidColumns u = StaggeredDidReferenceTest.columns("unbalanced_never_dr_x", true, false);
        assertEquals("staggered unbalanced panel", dr.withUnbalancedPanel(true).fit(u).diagnostics().get("design"));
        StaggeredDidResult dropped = dr.fit(u);
        assertEquals("staggered panel", dropped.diagnostics().get("design"));
        assertTrue(dropped.warnings().stream().anyMatch(w -> w.contains("--allow-unbalanced keeps them")));
    }

    @Test
    void unitsTreatedFromTheStartDoNotTakeAwayTheLastCohort() {
        // did 2.1.2 deletes the last cohort with them when there are no never-treated units (fixed in did 2.5.1)
        DidColumns c = StaggeredDidReferenceTest.columns("nonever_notyet_dr_x", true, false);
        StaggeredDid ny = StaggeredDid.withDefaults().withMethod(DidMethod.DR_TRADITIONAL)
                .withControlGroup(ControlGroup.NOT_YET_TREATED);
        Map<String, double[]> p = TestFiles.numericColumns("staggered_did_panel.csv");
        int[] keep = IntStream.range(0, p.get("y").length).filter(i -> p.get("cohort")[i] != 0).toArray();
        p.replaceAll((k, v) -> IntStream.of(keep).mapToDouble(i -> v[i]).toArray());
        DidColumns withAlways = DidColumns.of("y", p.get("y"), "year", p.get("year"), "cohort", p.get("cohort"))
                .withId("id", p.get("id")).withCovariate("x1", p.get("x1")).withCovariate("x2", p.get("x2"));
        StaggeredDidResult a = ny.fit(c);
        StaggeredDidResult b = ny.fit(withAlways);
        for (int i = 0; i < a.estimates().size(); i++) {
            Estimate x = a.estimates().get(i);
            Estimate y = b.estimates().get(i);
            assertEquals(x.name(), y.name());
            assertEquals(x.estimate(), y.estimate(), 1e-12, x.name());
            // they are dropped before the units are counted, as in did: the SEs are equal too
            assertEquals(x.se(), y.se(), 1e-12, x.name());
        }
        assertTrue(b.warnings().stream().anyMatch(w -> w.startsWith("22 units treated from the first period dropped")));
    }

    @Test
    void theEventPlotShowsEveryEventTimeWithItsIntervalAndBand() {
        DidColumns c = StaggeredDidReferenceTest.columns("panel_never_dr_x", true, false);
        StaggeredDidResult r = StaggeredDid.withDefaults().withMethod(DidMethod.DR_TRADITIONAL).withBootstrap(500, 1).fit(c);
        String svg = r.eventPlotSvg("Outcome <y>");
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>\n"));
        assertTrue(svg.contains("Event study: Outcome &lt;y&gt;"));
        assertEquals(8, svg.split("<circle", -1).length - 1, "event times -4 to 3");
        assertEquals(8, svg.split("fill-opacity", -1).length - 1, "a band box per event time");
        assertTrue(svg.contains("critical value"));
        String universal = StaggeredDid.withDefaults().withMethod(DidMethod.DR_TRADITIONAL)
                .withBasePeriod(BasePeriod.UNIVERSAL).fit(c).eventPlotSvg("y");
        assertEquals(1, universal.split("fill=\"white\" stroke", -1).length - 1, "the reference point e = -1 as a ring");
        assertTrue(!universal.contains("fill-opacity"), "no band without bootstrap");
    }
}
