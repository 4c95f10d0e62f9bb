package org.synergia.microsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.microsim.Effect;
import org.synergia.microsim.LocalEngine;
import org.synergia.microsim.MicrosimResult;
import org.synergia.microsim.PopulationSource;
import org.synergia.microsim.PopulationWriter;
import org.synergia.microsim.Programme;
import org.synergia.microsim.Scenario;
import org.synergia.microsim.ScenarioModel;
import org.synergia.microsim.SyntheticPopulation;
import org.synergia.microsim.Targeting;

@Tag("spark")
class SparkEngineTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().appName("synergia-microsim-test").master("local[2]")
                .config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static ScenarioModel model() {
        SyntheticPopulation z = SyntheticPopulation.zambia();
        Programme a = new Programme("hgsf", new Targeting(Double.POSITIVE_INFINITY, Set.of(), true, true, false), 0.8, 450,
                new Effect(250, 80));
        Programme b = new Programme("casu", new Targeting(Math.log(z.povertyLine()) + 0.5, Set.of(), true, false, true),
                0.6, 800, new Effect(420, 90));
        return ScenarioModel.of(z.povertyLine(), a, b, new Effect(230, 120));
    }

    @Test
    void sparkAndLocalEnginesAgreeOnTheSamePopulationAndSeed(@TempDir Path dir) {
        List<Scenario> scenarios = ScenarioModel.standardScenarios("hgsf", "casu");
        PopulationSource.Synthetic synthetic = new PopulationSource.Synthetic(SyntheticPopulation.zambia(), 10_000, 5);
        MicrosimResult local = LocalEngine.withDefaults().withThreads(2).run(model(), scenarios, synthetic, 20, 11);
        MicrosimResult onSpark = SparkEngine.on(spark).withPartitions(3).run(model(), scenarios, synthetic, 20, 11);
        assertAgree(local, onSpark);
        PopulationSource.Parquet file = PopulationSource.Parquet.of(PopulationWriter.write(synthetic,
                dir.resolve("population.parquet")), true);
        assertAgree(local, SparkEngine.on(spark).run(model(), scenarios, file, 20, 11));
    }

    private static void assertAgree(MicrosimResult a, MicrosimResult b) {
        assertEquals(a.baselineFgt0(), b.baselineFgt0(), 1e-9);
        assertEquals(a.baselineGini(), b.baselineGini(), 1e-9);
        for (MicrosimResult.ScenarioResult sa : a.scenarios()) {
            for (MicrosimResult.Statistic x : sa.statistics()) {
                MicrosimResult.Statistic y = b.scenario(sa.name()).get(x.name());
                double tol = 1e-9 * Math.max(1, Math.abs(x.estimate()));
                String what = sa.name() + " " + x.name();
                assertEquals(x.estimate(), y.estimate(), tol, what);
                assertEquals(x.mean(), y.mean(), tol, what);
                assertEquals(x.sd(), y.sd(), tol, what);
                assertEquals(x.p5(), y.p5(), tol, what);
                assertEquals(x.p95(), y.p95(), tol, what);
            }
        }
    }
}
