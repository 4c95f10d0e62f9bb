package org.synergia.lewie.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.synergia.data.Dataset;
import org.synergia.data.NumericColumn;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.Share;

/** Survey calibration does not depend on row order or on the scale of the weights. */
class SurveyCalibrationPropertiesTest {

    private static final Dataset SURVEY = SurveyCalibrationTest.survey();
    private static final LewieParameters BASE = SurveyCalibrationTest.mapping().calibrate(SURVEY).parameters();

    @Property(tries = 5)
    void rowOrderDoesNotMatter(@ForAll @LongRange(min = 1, max = 1000) long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < SURVEY.rowCount(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        Dataset shuffled = SURVEY.rows(order.stream().mapToInt(Integer::intValue).toArray());
        assertSame(BASE, SurveyCalibrationTest.mapping().calibrate(shuffled).parameters(), 1);
    }

    @Property(tries = 5)
    void rescalingWeightsOnlyRescalesGroupSizes(@ForAll @DoubleRange(min = 0.01, max = 100) double c) {
        double[] w = SURVEY.numeric("w").toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            w[i] *= c;
        }
        Dataset scaled = SURVEY.withColumn(NumericColumn.of("w", w));
        assertSame(BASE, SurveyCalibrationTest.mapping().calibrate(scaled).parameters(), c);
    }

    /** Output planted exactly on a constant-returns Cobb-Douglas: the regression returns the planted shares. */
    @Property(tries = 10)
    void plantedCobbDouglasSharesAreRecovered(@ForAll @DoubleRange(min = 0.05, max = 0.45) double labour,
            @ForAll @DoubleRange(min = 0.05, max = 0.45) double land, @ForAll @LongRange(min = 1, max = 1000) long seed) {
        Random rng = new Random(seed);
        int n = 60;
        String[] group = new String[n];
        double[] w = new double[n];
        double[] l = new double[n];
        double[] t = new double[n];
        double[] k = new double[n];
        double[] q = new double[n];
        double[] food = new double[n];
        for (int i = 0; i < n; i++) {
            group[i] = i % 2 == 0 ? "a" : "b";
            w[i] = 1 + 9 * rng.nextDouble();
            l[i] = Math.exp(rng.nextGaussian());
            t[i] = Math.exp(rng.nextGaussian());
            k[i] = Math.exp(rng.nextGaussian());
            q[i] = 3 * Math.pow(l[i], labour) * Math.pow(t[i], land) * Math.pow(k[i], 1 - labour - land);
            food[i] = 100 + q[i];
        }
        Dataset d = Dataset.builder("planted").addStrings("g", group).addNumeric("w", w).addNumeric("l", l)
                .addNumeric("t", t).addNumeric("k", k).addNumeric("q", q).addNumeric("food", food).build();
        LewieParameters p = SurveyCalibration.of("planted", "", List.of(new LewieParameters.Good("food",
                org.synergia.lewie.params.GoodMarket.ZONE)), List.of(), "g").withWeights("w")
                .withActivity("food", new SurveyCalibration.ActivityColumns("q", Map.of("labour", "l", "land", "t",
                        "capital", "k"), Map.of()))
                .withExpenditure(Map.of("food", "food")).calibrate(d).parameters();
        for (LewieParameters.Activity a : p.activities()) {
            assertEquals(labour, a.factorShares().get("labour").value(), 1e-9);
            assertEquals(land, a.factorShares().get("land").value(), 1e-9);
            assertEquals(1 - labour - land, a.factorShares().get("capital").value(), 1e-9);
            assertEquals(0, a.factorShares().get("labour").se(), 1e-7);
        }
    }

    private static void assertSame(LewieParameters a, LewieParameters b, double sizeRatio) {
        // groups may come in another order when rows are shuffled
        for (LewieParameters.Group ga : a.groups()) {
            LewieParameters.Group gb = b.groups().stream().filter(g -> g.name().equals(ga.name())).findFirst().orElseThrow();
            assertEquals(ga.households() * sizeRatio, gb.households(), 1e-9 * ga.households() * sizeRatio);
            assertEquals(ga.expenditure(), gb.expenditure(), 1e-9 * ga.expenditure());
            assertShares(ga.budgetShares(), gb.budgetShares());
            assertShares(Map.of("s", ga.savings(), "o", ga.outside(), "t", ga.transfersOut()),
                    Map.of("s", gb.savings(), "o", gb.outside(), "t", gb.transfersOut()));
        }
        for (LewieParameters.Activity aa : a.activities()) {
            LewieParameters.Activity ab = b.activities().stream()
                    .filter(x -> x.group().equals(aa.group()) && x.good().equals(aa.good())).findFirst().orElseThrow();
            assertEquals(aa.output(), ab.output(), 1e-9 * aa.output());
            assertShares(aa.factorShares(), ab.factorShares());
            assertShares(aa.intermediateShares(), ab.intermediateShares());
        }
    }

    private static void assertShares(Map<String, Share> a, Map<String, Share> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertEquals(a.get(k).value(), b.get(k).value(), 1e-9, k);
            assertEquals(a.get(k).se(), b.get(k).se(), 1e-9, k + " SE");
        }
    }
}
