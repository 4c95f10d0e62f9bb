package org.synergia.stats.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/** The registry's contract: option checking, typed values and defaults, the one data preparation. */
class EstimatorRegistryTest {

    /** The mean of a variable over the rows it is fitted on. */
    static final class MeanOf implements Estimator {
        @Override
        public String name() {
            return "meanof";
        }

        @Override
        public String description() {
            return "The plain mean of a variable.";
        }

        @Override
        public List<EstimatorOption> options() {
            return List.of(EstimatorOption.variable("variable", "Y", "the variable").asRequired(),
                    EstimatorOption.formula("model", "F", "a formula whose variables must be complete"),
                    EstimatorOption.integer("digits", "D", "digits (default: ${DEFAULT-VALUE})").withDefault("3"),
                    EstimatorOption.choice("side", "S", "left or right", "left", "right"),
                    EstimatorOption.bool("flag", "B", "a flag"));
        }

        @Override
        public Collection<String> variables(EstimatorOptions options) {
            return options.variablesOf("variable", "model");
        }

        @Override
        public EstimationResult fit(CompleteCases rows, EstimatorOptions options) {
            double[] y = rows.dataset().numeric(options.required("variable")).toDoubleArray();
            double mean = java.util.Arrays.stream(y).average().orElseThrow();
            return EstimationResult.of(name(), List.of(Estimate.wald("mean", mean, 1, 0.95)), y.length, Map.of(), List.of());
        }
    }

    private static final Estimator MEAN_OF = new MeanOf();

    private static Dataset data() {
        return Dataset.builder("toy.csv").addNumeric("y", new double[] {1, 2, Double.NaN, 4})
                .addNumeric("x", new double[] {1, Double.NaN, 1, 2}).addNumeric("z", new double[] {5, 6, 7, 8}).build();
    }

    @Test
    void optionsAreCheckedByNameKindAndPresence() {
        InputException unknown = assertThrows(InputException.class, () -> EstimatorOptions.of(MEAN_OF, Map.of("variable", "y",
                "bogus", "1")));
        assertEquals("meanof has no option 'bogus'; its options are variable, model, digits, side, flag", unknown.getMessage());
        InputException missing = assertThrows(InputException.class, () -> EstimatorOptions.of(MEAN_OF, Map.of()));
        assertEquals("meanof needs the option 'variable' (the variable)", missing.getMessage());
        InputException notInteger = assertThrows(InputException.class, () -> EstimatorOptions.of(MEAN_OF, Map.of("variable", "y",
                "digits", "2.5")));
        assertEquals("meanof option 'digits': '2.5' is not a whole number; digits (default: 3)", notInteger.getMessage());
        InputException notChoice = assertThrows(InputException.class, () -> EstimatorOptions.of(MEAN_OF, Map.of("variable", "y",
                "side", "up")));
        assertTrue(notChoice.getMessage().contains("'up' is not one of left, right"), notChoice.getMessage());
        assertThrows(InputException.class, () -> EstimatorOptions.of(MEAN_OF, Map.of("variable", "y", "flag", "yes")));
    }

    @Test
    void valuesAreTypedAndDefaultsFilledIn() {
        EstimatorOptions o = EstimatorOptions.of(MEAN_OF, Map.of("variable", "y", "flag", "TRUE"));
        assertEquals(3, o.integer("digits").orElseThrow());
        assertFalse(o.given("digits"));
        assertTrue(o.given("variable"));
        assertTrue(o.bool("flag"));
        assertTrue(o.text("side").isEmpty());
        assertEquals(List.of("y", "x", "z"), EstimatorOptions.of(MEAN_OF, Map.of("variable", "y", "model", "y ~ x + log(z)"))
                .variablesOf("variable", "model"));
        assertEquals(List.of("y"), EstimatorOptions.of(MEAN_OF, Map.of("variable", "y", "model", "y ~ (")).variablesOf("variable",
                "model"), "a formula that does not parse names no variable; the estimator reports it");
    }

    @Test
    void estimationLeavesOutIncompleteRowsAndReportsThemFirst() {
        Estimation e = Estimation.of(data(), EstimatorOptions.of(MEAN_OF, Map.of("variable", "y", "model", "y ~ x")),
                MissingPolicy.DROP);
        assertEquals(2, e.rows().size());
        assertEquals((1 + 4) / 2.0, e.result().estimates().get(0).estimate(), 1e-15);
        assertTrue(e.result().warnings().isEmpty());
        assertEquals(e.rows().warning().orElseThrow(), e.reported().warnings().get(0));
        assertThrows(InputException.class, () -> Estimation.of(data(), EstimatorOptions.of(MEAN_OF, Map.of("variable", "y")),
                MissingPolicy.REFUSE));
    }

    @Test
    void registryFindsByNameAndRefusesDuplicatesAndUnknownNames() {
        Estimators r = Estimators.of(MEAN_OF);
        assertEquals(MEAN_OF, r.get("meanof"));
        InputException e = assertThrows(InputException.class, () -> r.get("means"));
        assertEquals("there is no estimator 'means'; the estimators are meanof", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Estimators.of(MEAN_OF, new MeanOf()));
    }
}
