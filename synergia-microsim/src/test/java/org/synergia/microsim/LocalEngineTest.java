package org.synergia.microsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.measures.poverty.FgtAccumulator;
import org.synergia.measures.poverty.IncomeDistribution;
import org.synergia.testdata.TestFiles;

class LocalEngineTest {

    static final List<Scenario> NONE = List.of(new Scenario("none", false, false, false));

    static ScenarioModel model(double takeUpA, double takeUpB) {
        SyntheticPopulation z = SyntheticPopulation.zambia();
        Programme a = new Programme("hgsf", new Targeting(Double.POSITIVE_INFINITY, Set.of(), true, true, false), takeUpA,
                450, new Effect(250, 80));
        Programme b = new Programme("casu", new Targeting(Math.log(z.povertyLine()) + 0.5, Set.of(2, 3, 4, 6, 7), false,
                false, true), takeUpB, 800, new Effect(420, 90));
        return ScenarioModel.of(z.povertyLine(), a, b, new Effect(230, 120));
    }

    static PopulationSource.Synthetic zambia(long n) {
        return new PopulationSource.Synthetic(SyntheticPopulation.zambia(), n, 42);
    }

    @Test
    void baselineFgtAndGiniAgreeWithTheToolbox() {
        int n = 20_000;
        PopulationChunk c = new PopulationChunk(n);
        SyntheticPopulation.zambia().generate(0, n, n, 42, c);
        double[] y = new double[n];
        double[] w = new double[n];
        FgtAccumulator fgt = new FgtAccumulator(2568);
        for (int i = 0; i < n; i++) {
            y[i] = c.consumption[i];
            w[i] = c.weight[i] * c.size[i];
            fgt.add(y[i], w[i]);
        }
        MicrosimResult r = LocalEngine.withDefaults().withThreads(2).withChunkRows(3000).run(model(0.8, 0.6), NONE,
                zambia(n), 0, 1);
        assertEquals(fgt.fgt(0), r.baselineFgt0(), 1e-12);
        assertEquals(fgt.fgt(1), r.baselineFgt1(), 1e-12);
        assertEquals(fgt.fgt(2), r.baselineFgt2(), 1e-12);
        MicrosimResult.ScenarioResult none = r.scenario("none");
        assertTrue(none.giniErrorBound() < 1e-4, "bound " + none.giniErrorBound());
        assertEquals(IncomeDistribution.of(y, w).gini(), none.get("Gini").estimate(), none.giniErrorBound());
        // the synthetic Zambia is calibrated to about 54% below the national line
        assertEquals(0.54, r.baselineFgt0(), 0.04);
    }

    @Test
    void eusilcGiniAndAtRiskRateMatchLaeken(@TempDir Path dir) throws Exception {
        // R 4.x laeken 0.5.2 on eusilc (reference_values.json -> eusilc_poverty): gini 26.4896192113229 %,
        // arpr 14.4442181675336 % below arpt 10859.236 (= FGT0 at that line)
        Path csv = TestFiles.reference("eusilc.csv");
        Path parquet = dir.resolve("eusilc.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT row_number() OVER () AS id, weight, 1 AS region, false AS rural,"
                    + " greatest(eq_income, 0) AS consumption, 1 AS size, 0.0 AS pmt_score, false AS school_child,"
                    + " false AS farming FROM read_csv('" + csv + "')) TO '" + parquet + "' (FORMAT parquet)");
        }
        ScenarioModel m = new ScenarioModel(10859.236, model(0, 0).first(), model(0, 0).second(), new Effect(0, 0), 100,
                1e6, 1 << 14);
        MicrosimResult r = LocalEngine.withDefaults().withThreads(2).withChunkRows(1000).run(m, NONE,
                PopulationSource.Parquet.of(parquet, false), 0, 1);
        assertEquals(0.144442181675336, r.baselineFgt0(), 1e-12);
        MicrosimResult.ScenarioResult none = r.scenario("none");
        assertEquals(0.264896192113229, none.get("Gini").estimate(), Math.max(1e-6, none.giniErrorBound()));
        assertEquals(0.144442181675336, none.get("FGT0").estimate(), 1e-12);
    }

    @Test
    void parquetAndOnTheFlyPopulationsGiveTheSameResultsWhateverTheThreadsAndChunks(@TempDir Path dir) {
        PopulationSource.Synthetic s = zambia(15_000);
        Path file = PopulationWriter.write(s, dir.resolve("pop.parquet"));
        List<Scenario> sc = ScenarioModel.standardScenarios("hgsf", "casu");
        MicrosimResult a = LocalEngine.withDefaults().withThreads(1).withChunkRows(15_000).run(model(0.8, 0.6), sc, s, 20, 9);
        MicrosimResult b = LocalEngine.withDefaults().withThreads(3).withChunkRows(777).run(model(0.8, 0.6), sc,
                PopulationSource.Parquet.of(file, true), 20, 9);
        assertSame(a, b, 1e-12);
    }

    @Test
    void aParquetWithoutThePopulationColumnsIsRefusedNamingThem(@TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("bad.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 1::BIGINT AS id, 1.0 AS weight) TO '" + parquet + "' (FORMAT parquet)");
        }
        org.synergia.data.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.synergia.data.InputException.class, () -> LocalEngine.withDefaults().withThreads(1).run(model(0.5, 0.5),
                        NONE, PopulationSource.Parquet.of(parquet, false), 0, 1));
        assertTrue(e.getMessage().contains("pmt_score") && e.getMessage().contains("bad.parquet"), e.getMessage());
    }

    static void assertSame(MicrosimResult a, MicrosimResult b, double tol) {
        assertEquals(a.baselineFgt0(), b.baselineFgt0(), tol);
        assertEquals(a.baselineGini(), b.baselineGini(), tol);
        for (MicrosimResult.ScenarioResult sa : a.scenarios()) {
            MicrosimResult.ScenarioResult sb = b.scenario(sa.name());
            for (MicrosimResult.Statistic x : sa.statistics()) {
                MicrosimResult.Statistic y = sb.get(x.name());
                double scale = Math.max(1, Math.abs(x.estimate()));
                String what = sa.name() + " " + x.name();
                assertEquals(x.estimate(), y.estimate(), tol * scale, what);
                assertEquals(x.mean(), y.mean(), tol * scale, what);
                assertEquals(x.sd(), y.sd(), tol * scale, what);
                assertEquals(x.p5(), y.p5(), tol * scale, what);
                assertEquals(x.p95(), y.p95(), tol * scale, what);
            }
        }
    }

    @Property(tries = 8)
    void noProgrammeLeavesBaselinePoverty(@ForAll @IntRange(min = 1, max = 1000) int seed) {
        MicrosimResult r = LocalEngine.withDefaults().withThreads(1).run(model(0.8, 0.6), NONE, zambia(3000), 5, seed);
        MicrosimResult.ScenarioResult none = r.scenario("none");
        assertEquals(r.baselineFgt0(), none.get("FGT0").mean(), 1e-15);
        assertEquals(r.baselineFgt1(), none.get("FGT1").p95(), 1e-15);
        assertEquals(r.baselineFgt2(), none.get("FGT2").p5(), 1e-15);
        assertEquals(r.baselineGini(), none.get("Gini").estimate(), 1e-15);
        assertEquals(0, none.get("coverage_poor").estimate());
    }

    @Property(tries = 8)
    void moreTakeUpNeverRaisesTheHeadcountWithPositiveEffects(@ForAll @DoubleRange(min = 0, max = 0.9) double low,
            @ForAll @DoubleRange(min = 0, max = 0.1) double more, @ForAll @IntRange(min = 1, max = 1000) int seed) {
        List<Scenario> sc = ScenarioModel.standardScenarios("hgsf", "casu");
        PopulationSource.Synthetic pop = zambia(3000);
        MicrosimResult lo = LocalEngine.withDefaults().withThreads(1).run(model(low, low), sc, pop, 0, seed);
        MicrosimResult hi = LocalEngine.withDefaults().withThreads(1).run(model(low + more, low + more), sc, pop, 0, seed);
        for (Scenario s : sc) {
            double before = lo.scenario(s.name()).get("FGT0").estimate();
            double after = hi.scenario(s.name()).get("FGT0").estimate();
            assertTrue(after <= before + 1e-15, s.name() + ": " + before + " -> " + after);
            assertTrue(after <= lo.baselineFgt0() + 1e-15);
        }
    }

    @Test
    void incidenceSharesSumToOneAndTheJointScenarioReachesTheSameHouseholdsWithBoth() {
        MicrosimResult r = LocalEngine.withDefaults().withThreads(2).run(model(0.8, 0.6),
                ScenarioModel.standardScenarios("hgsf", "casu"), zambia(10_000), 10, 3);
        for (MicrosimResult.ScenarioResult s : r.scenarios()) {
            double sum = 0;
            for (int k = 1; k <= 10; k++) {
                sum += s.get("incidence[" + k + "]").estimate();
            }
            assertEquals(1, sum, 1e-12, s.name());
            assertTrue(s.get("FGT0").estimate() < r.baselineFgt0(), s.name());
            double leak = s.get("leakage").estimate();
            assertTrue(leak >= 0 && leak <= 1);
            assertTrue(s.get("cost_per_gap_reduction").estimate() > 0);
        }
        assertTrue(r.scenario("both").personsReached() >= r.scenario("hgsf").personsReached());
        assertTrue(r.scenario("both").get("FGT1").estimate() <= r.scenario("casu").get("FGT1").estimate());
    }
}
