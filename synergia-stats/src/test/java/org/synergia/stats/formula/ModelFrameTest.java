package org.synergia.stats.formula;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.StorageType;

class ModelFrameTest {

    static final double NA = Double.NaN;

    /** 16 rows: rows 4 (y) and 8 (region) are missing. */
    static Dataset data() {
        double[] y = new double[16];
        double[] age = new double[16];
        double[] region = new double[16];
        String[] zone = new String[16];
        double[] x = new double[16];
        double[] one = new double[16];
        double[] w = new double[16];
        String[] zones = {"north", "south", "east"};
        for (int i = 0; i < 16; i++) {
            y[i] = 1.5 * i + (i % 3) * (i % 5);
            age[i] = 100 - 5 * i;
            region[i] = 1 + (i * 7) % 3;
            zone[i] = zones[(i * 5 + i / 3) % 3];
            x[i] = (i * i) % 7;
            one[i] = 1;
            w[i] = 1 + i % 2;
        }
        y[3] = NA;
        region[7] = NA;
        return Dataset.builder("survey.csv")
                .addNumeric("y", y)
                .add(NumericColumn.builder("age", age).storage(StorageType.BYTE).build())
                .addNumeric("region", region)
                .addStrings("zone", zone)
                .addNumeric("x", x)
                .addNumeric("one", one)
                .addNumeric("w", w)
                .build();
    }

    static ModelMatrix build(String f) {
        return ModelFrame.of(Formula.parse(f)).build(data());
    }

    @Test
    void namesAndCodingFollowR() {
        ModelMatrix m = build("y ~ age + I(age^2) + factor(region) + zone + x:factor(region)");
        // R: model.matrix on the complete rows; x:factor(region) has its margin x absent, so full coding
        assertEquals(List.of("(Intercept)", "age", "I(age^2)", "factor(region)2", "factor(region)3", "zonenorth",
                "zonesouth", "factor(region)1:x", "factor(region)2:x", "factor(region)3:x"), m.names());
        assertEquals(14, m.rowCount());
        assertEquals(2, m.rowsDropped());
        assertArrayEquals(new int[] {0, 1, 2, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15}, m.rows());
        // an int8 age squared in double: 100^2 = 10000, no overflow
        assertEquals(10000, m.columns()[2][0]);
        // region is 1, 2, 3, 1, 2, 3, ... (rows 4 and 8 dropped): factor(region)2 is 1 where region = 2
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0}, m.columns()[3]);
        assertEquals(1.5 * 4 + 1 * 4, m.response()[3]);
        assertTrue(m.warnings().get(0).startsWith("2 rows left out for missing values ("), m.warnings().get(0));
    }

    @Test
    void noInterceptGivesTheFirstFactorAllLevels() {
        ModelMatrix m = build("y ~ factor(region) + x - 1");
        assertEquals(List.of("factor(region)1", "factor(region)2", "factor(region)3", "x"), m.names());
    }

    @Test
    void collinearColumnsAreDroppedWithAWarningOrRefused() {
        ModelMatrix m = build("y ~ x + I(2*x + 1) + age");
        assertEquals(List.of("(Intercept)", "x", "age"), m.names());
        assertEquals(List.of("I(2 * x + 1)"), m.dropped());
        assertTrue(m.warnings().get(1).contains("'I(2 * x + 1)' is dropped: collinear"), m.warnings().get(1));
        InputException e = assertThrows(InputException.class, () -> ModelFrame.of(Formula.parse("y ~ x + I(2*x + 1)"))
                .withCollinearity(Collinearity.REFUSE).build(data()));
        assertTrue(e.getMessage().contains("regressor 'I(2 * x + 1)' is collinear"), e.getMessage());
    }

    @Test
    void badVariablesAreNamed() {
        InputException e = assertThrows(InputException.class, () -> build("y ~ agee + x"));
        assertTrue(e.getMessage().contains("unknown variable 'agee'") && e.getMessage().contains("formula 'y ~ agee + x'"),
                e.getMessage());
        e = assertThrows(InputException.class, () -> build("y ~ x + one"));
        assertTrue(e.getMessage().contains("regressor 'one' in formula 'y ~ x + one' is constant (= 1)"), e.getMessage());
        e = assertThrows(InputException.class, () -> build("y ~ I(zone^2)"));
        assertTrue(e.getMessage().contains("'zone'") && e.getMessage().contains("holds text"), e.getMessage());
        e = assertThrows(InputException.class, () -> build("y ~ log(x)"));
        assertTrue(e.getMessage().contains("'log(x)'") && e.getMessage().contains("infinite in row 1"), e.getMessage());
        Dataset allMissing = data().withColumn(NumericColumn.of("z", java.util.stream.DoubleStream.generate(() -> NA).limit(16).toArray()));
        e = assertThrows(InputException.class, () -> ModelFrame.of(Formula.parse("y ~ x + z")).build(allMissing));
        assertTrue(e.getMessage().contains("variable 'z'") && e.getMessage().contains("missing in every row"), e.getMessage());
        e = assertThrows(InputException.class, () -> build("y ~ x + factor(one)"));
        assertTrue(e.getMessage().contains("'factor(one)'") && e.getMessage().contains("single level"), e.getMessage());
    }

    @Test
    void weightsAndClustersFollowTheRowsUsed() {
        ModelMatrix m = ModelFrame.of(Formula.parse("y ~ x")).withWeights("w").withCluster("zone").build(data());
        assertEquals(15, m.rowCount());
        assertArrayEquals(new double[] {1, 2, 1, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2}, m.weights());
        assertEquals(3, m.clusters().count());
        assertEquals(15, m.clusters().size());
    }

    @Test
    void aTextResponseIsCodedInSortedOrderWithANoteAsFactorOfItIs() {
        Dataset d = data();
        ModelMatrix m = ModelFrame.of(Formula.parse("zone ~ x")).build(d);
        String[] zone = new String[16];
        for (int i = 0; i < 16; i++) {
            zone[i] = d.string("zone").value(i);
        }
        double[] expected = new double[m.rowCount()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = List.of("east", "north", "south").indexOf(zone[m.rows()[i]]);
        }
        assertArrayEquals(expected, m.response());
        assertTrue(m.warnings().contains("'zone' holds text: its levels are coded in sorted order, 0 = east, 1 = north,"
                + " 2 = south; terms and options name a level by its code"), m.warnings().toString());
        ModelMatrix f = ModelFrame.of(Formula.parse("factor(zone) ~ x")).build(d);
        assertArrayEquals(m.response(), f.response());
        // a numeric factor response is the variable as stored
        assertArrayEquals(ModelFrame.of(Formula.parse("x ~ age")).build(d).response(),
                ModelFrame.of(Formula.parse("as.factor(x) ~ age")).build(d).response());
        List<String> notes = new java.util.ArrayList<>();
        assertArrayEquals(d.numeric("x").toDoubleArray(), ModelFrame.numbers(d, "x", notes));
        assertEquals(List.of(), notes);
        assertEquals(1.0, ModelFrame.numbers(d, "zone", notes)[List.of(zone).indexOf("north")]);
        assertEquals(1, notes.size());
    }
}
