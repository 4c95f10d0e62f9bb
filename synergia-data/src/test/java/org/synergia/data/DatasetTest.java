package org.synergia.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static Dataset survey() {
        ValueLabels yesNo = ValueLabels.builder("yesno").add(0, "no").add(1, "yes").addMissing(1, "refused").build();
        double[] income = {100, Double.NaN, 250.5, Double.NaN, 99};
        byte[] codes = {0, 0, 0, 4, 0};
        return Dataset.builder("survey.dta").label("test survey").metadata("format", "test")
                .add(NumericColumn.builder("income", income).label("Household income").missingCodes(codes).build())
                .addCategorical("treated", new int[] {0, 1, 1, 0, 1}, yesNo)
                .addIntegers("age", new int[] {23, 45, 67, 18, 30})
                .addStrings("village", new String[] {"A", "", null, "B", "C"})
                .add(NumericColumn.builder("hours", new double[] {40, 99, 98, 10, 5}).storage(StorageType.BYTE)
                        .userMissing(UserMissingValues.discrete(98, 99)).build())
                .build();
    }

    @Test
    void columnsAreTypedAndLabelled() {
        Dataset d = survey();
        assertEquals(5, d.rowCount());
        assertEquals(List.of("income", "treated", "age", "village", "hours"), d.columnNames());
        assertEquals(VariableType.DOUBLE, d.column("income").type());
        assertEquals(VariableType.CATEGORICAL, d.column("treated").type());
        assertEquals(VariableType.INTEGER, d.column("age").type());
        assertEquals(StorageType.BYTE, d.column("age").storage());
        assertEquals(VariableType.STRING, d.column("village").type());
        assertEquals("str1", d.column("village").storageName());
        assertEquals("Household income", d.column("income").label());
        assertEquals("yes", d.numeric("treated").valueLabels().labelOf(1));
        assertEquals("refused", d.numeric("treated").valueLabels().missingLabel(1));
        assertNull(d.numeric("treated").valueLabels().labelOf(2));
        assertEquals("test", d.metadata().get("format"));
    }

    @Test
    void missingValuesKeepTheirKind() {
        NumericColumn income = survey().numeric("income");
        assertEquals(2, income.missingCount());
        assertEquals(MissingCodes.SYSTEM, income.missingCode(1));
        assertEquals(4, income.missingCode(3));
        assertEquals(".d", income.text(3));
        assertEquals("", income.text(1));
        assertEquals("250.5", income.text(2));
        assertEquals(MissingCodes.NOT_MISSING, income.missingCode(0));
        assertTrue(income.hasExtendedMissing());

        NumericColumn hours = survey().numeric("hours");
        assertEquals(2, hours.missingCount());
        assertTrue(hours.isMissing(1));
        assertTrue(hours.isUserMissing(2));
        assertEquals(99, hours.rawValue(1));
        assertTrue(Double.isNaN(hours.value(1)));
        assertArrayEquals(new double[] {40, Double.NaN, Double.NaN, 10, 5}, hours.toDoubleArray());

        StringColumn village = survey().string("village");
        assertEquals(2, village.missingCount());
        assertNull(village.value(1));
        assertFalse(village.isMissing(0));
    }

    @Test
    void userMissingRanges() {
        UserMissingValues spec = UserMissingValues.range(Double.NEGATIVE_INFINITY, -1, 999);
        assertTrue(spec.matches(-5));
        assertTrue(spec.matches(999));
        assertFalse(spec.matches(0));
        assertEquals("LOWEST THRU -1, 999", spec.toString());
    }

    @Test
    void unknownVariablesAreNamedWithSuggestions() {
        Dataset d = survey();
        InputException e = assertThrows(InputException.class, () -> d.column("incme"));
        assertEquals("unknown variable 'incme' in survey.dta; did you mean 'income'?", e.getMessage());
        InputException none = assertThrows(InputException.class, () -> d.column("zzzzzz"));
        assertTrue(none.getMessage().contains("its variables are income, treated, age, village, hours"),
                none.getMessage());
        assertTrue(assertThrows(InputException.class, () -> d.numeric("village")).getMessage().contains("holds text"));
    }

    @Test
    void derivedDatasetsShareAndSubset() {
        Dataset d = survey();
        Dataset sub = d.rows(new int[] {3, 0});
        assertEquals(2, sub.rowCount());
        assertEquals(4, sub.numeric("income").missingCode(0));
        assertEquals(18, sub.numeric("age").value(0));
        assertEquals(List.of("age", "income"), d.select(List.of("age", "income")).columnNames());
        Dataset replaced = d.withColumn(NumericColumn.of("age", 1, 2, 3, 4, 5));
        assertEquals(StorageType.DOUBLE, replaced.column("age").storage());
        assertEquals(5, replaced.columnCount());
    }

    @Test
    void badColumnsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> NumericColumn.builder("x", new double[] {1.5}).storage(StorageType.INT).build());
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.builder("d").addNumeric("a", new double[2]).addNumeric("b", new double[3]));
        assertThrows(InputException.class,
                () -> Dataset.builder("d").addNumeric("a", new double[2]).addNumeric("a", new double[2]).build());
    }
}
