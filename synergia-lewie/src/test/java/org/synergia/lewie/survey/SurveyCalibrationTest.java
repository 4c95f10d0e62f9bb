package org.synergia.lewie.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.io.DatasetReaders;
import org.synergia.lewie.model.Economy;
import org.synergia.lewie.params.FactorMarket;
import org.synergia.lewie.params.GoodMarket;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.Share;
import org.synergia.lewie.simulation.Scenario;
import org.synergia.lewie.simulation.SimulationResult;
import org.synergia.lewie.simulation.Simulator;

/**
 * Calibration from a simulated survey against R: {@code lm(..., weights = w)} with
 * {@code sandwich::vcovCL(type = "HC1")} for the production regressions and
 * {@code survey::svyratio} on {@code subset(svydesign(ids = ~cluster, weights = ~w), group == g)}
 * for shares (R 4.x, survey, sandwich; script {@code reference/lewie_survey.R}).
 */
class SurveyCalibrationTest {

    private static final double TOL = 1e-8;
    private static final Path DIR = Path.of("src", "test", "resources", "reference");

    static SurveyCalibration mapping() {
        return SurveyCalibration.of("simulated", "LSL",
                List.of(new LewieParameters.Good("crops", GoodMarket.ZONE), new LewieParameters.Good("retail",
                        GoodMarket.VILLAGE), new LewieParameters.Good("manufactured", GoodMarket.WORLD)),
                List.of(new LewieParameters.Factor("labour", FactorMarket.ZONE, Double.POSITIVE_INFINITY),
                        new LewieParameters.Factor("land", FactorMarket.FIXED, 0),
                        new LewieParameters.Factor("capital", FactorMarket.FIXED, 0)),
                "group")
                .withWeights("w")
                .withClusters("cluster")
                .withActivity("crops", new SurveyCalibration.ActivityColumns("crop_value",
                        Map.of("labour", "labour", "land", "land", "capital", "capital"),
                        Map.of("retail", "crop_inputs_retail")))
                .withActivity("retail", new SurveyCalibration.ActivityColumns("retail_value",
                        Map.of("labour", "shop_labour", "capital", "shop_capital"),
                        Map.of("manufactured", "retail_inputs_manuf")))
                .withExpenditure(Map.of("crops", "spend_crops", "retail", "spend_retail", "manufactured", "spend_manuf"))
                .withOutflows("savings", "outside", "transfers_out")
                .withFactorIncome(Map.of("labour", "wage_income"));
    }

    static Dataset survey() {
        return DatasetReaders.read(DIR.resolve("lewie_survey.csv"));
    }

    private static Map<String, double[]> reference() throws IOException {
        Map<String, double[]> ref = new HashMap<>();
        List<String> lines = Files.readAllLines(DIR.resolve("lewie_survey_reference.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.replace("\"", "").split(",");
            ref.put(f[0] + "|" + f[1], new double[] {Double.parseDouble(f[2].trim()), Double.parseDouble(f[3].trim())});
        }
        return ref;
    }

    private static void check(Map<String, double[]> ref, String group, String quantity, Share actual) {
        double[] r = ref.get(group + "|" + quantity);
        assertEquals(r[0], actual.value(), TOL * Math.abs(r[0]), group + " " + quantity);
        assertEquals(r[1], actual.se(), TOL * Math.abs(r[1]) + 1e-15, group + " " + quantity + " SE");
    }

    @Test
    void matchesRRegressionsAndSurveyRatios() throws IOException {
        Map<String, double[]> ref = reference();
        SurveyCalibration.Result result = mapping().calibrate(survey());
        LewieParameters p = result.parameters();
        assertEquals(2, p.groups().size());
        for (LewieParameters.Group g : p.groups()) {
            String n = g.name();
            check(ref, n, "households", Share.exact(g.households()));
            check(ref, n, "expenditure", Share.exact(g.expenditure()));
            check(ref, n, "wage_income", Share.exact(g.factorIncome().get("labour")));
            check(ref, n, "budget:spend_crops", g.budgetShares().get("crops"));
            check(ref, n, "budget:spend_retail", g.budgetShares().get("retail"));
            check(ref, n, "budget:spend_manuf", g.budgetShares().get("manufactured"));
            check(ref, n, "outflow:savings", g.savings());
            check(ref, n, "outflow:outside", g.outside());
            check(ref, n, "outflow:transfers_out", g.transfersOut());
        }
        assertEquals(3, p.activities().size()); // eligible households run no shops
        for (LewieParameters.Activity a : p.activities()) {
            String n = a.group();
            check(ref, n, "output:" + a.good(), Share.exact(a.output()));
            if (a.good().equals("crops")) {
                check(ref, n, "share:crops:labour", a.factorShares().get("labour"));
                check(ref, n, "share:crops:land", a.factorShares().get("land"));
                check(ref, n, "share:crops:capital", a.factorShares().get("capital"));
                check(ref, n, "intermediate:crops:retail", a.intermediateShares().get("retail"));
            } else {
                check(ref, n, "share:retail:labour", a.factorShares().get("labour"));
                check(ref, n, "share:retail:capital", a.factorShares().get("capital"));
                check(ref, n, "intermediate:retail:manufactured", a.intermediateShares().get("manufactured"));
            }
        }
        for (SurveyCalibration.ProductionRegression r : result.regressions()) {
            if (r.good().equals("crops")) {
                assertEquals(ref.get(r.group() + "|rows:crops")[0], r.rows(), 0);
            }
        }
        // the simulated households earn more wages than the local activities pay: the accounts cannot close
        InputException e = assertThrows(InputException.class, () -> Economy.calibrate(p));
        assertTrue(e.getMessage().contains("wage bill of labour"), e.getMessage());
    }

    @Test
    void withoutWageIncomeTheCalibratedEconomyRuns() {
        LewieParameters p = mapping().withFactorIncome(Map.of()).calibrate(survey()).parameters();
        SimulationResult s = Simulator.withDefaults().simulate(Economy.calibrate(p),
                Scenario.none().withTransfer("eligible", 100_000));
        assertTrue(s.incomeMultiplier() > 1);
        assertTrue(s.realIncomeMultiplier() < s.incomeMultiplier());
    }

    @Test
    void tooFewProducersIsAClearError() {
        InputException e = assertThrows(InputException.class,
                () -> mapping().withMinimumRegressionRows(1000).calibrate(survey()));
        assertTrue(e.getMessage().contains("activity crops/") && e.getMessage().contains("households have positive"),
                e.getMessage());
    }
}
