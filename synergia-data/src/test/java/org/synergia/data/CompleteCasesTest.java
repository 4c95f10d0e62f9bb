package org.synergia.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.io.DatasetReaders;
import org.synergia.testdata.TestFiles;

class CompleteCasesTest {

    private static final double NA = Double.NaN;

    /** y: missing at rows 2 and 4 (system, .b); x: SPSS user-missing -9 at rows 4 and 5; g: empty text at row 6. */
    private static Dataset data() {
        byte[] codes = new byte[6];
        codes[3] = 2;
        return Dataset.builder("d.csv")
                .add(NumericColumn.builder("y", new double[] {1, NA, 3, NA, 5, 6}).missingCodes(codes).build())
                .add(NumericColumn.builder("x", new double[] {1, 2, 3, -9, -9, 6})
                        .userMissing(UserMissingValues.discrete(-9)).build())
                .addStrings("g", new String[] {"a", "b", "a", "b", "a", ""})
                .addNumeric("z", new double[] {1, 2, 3, 4, 5, 6})
                .build();
    }

    @Test
    void keepsTheRowsWithEveryVariablePresentAndCountsEachVariable() {
        CompleteCases cc = CompleteCases.of(data(), Arrays.asList("y", "x", null, "g", "y"), MissingPolicy.DROP);
        assertArrayEquals(new int[] {0, 2}, cc.rows());
        assertEquals(4, cc.dropped());
        assertEquals(List.of("y", "x", "g"), cc.variables());
        assertEquals(Map.of("y", 2, "x", 2, "g", 1), cc.missingByVariable());
        assertEquals(List.of("y", "x", "g"), List.copyOf(cc.missingByVariable().keySet()));
        assertEquals("4 rows left out for missing values (y: 2, x: 2, g: 1; a row can miss several)",
                cc.warning().orElseThrow());
        assertEquals(2, cc.dataset().rowCount());
        assertEquals(3.0, cc.dataset().numeric("y").value(1));
    }

    @Test
    void saysNothingAndKeepsTheDataWhenNothingIsMissing() {
        Dataset d = data();
        CompleteCases cc = CompleteCases.of(d, List.of("z"), MissingPolicy.REFUSE);
        assertSame(d, cc.dataset());
        assertEquals(0, cc.dropped());
        assertTrue(cc.warning().isEmpty());
        assertTrue(CompleteCases.of(d, List.of(), MissingPolicy.DROP).warning().isEmpty());
    }

    @Test
    void noSeveralWhenTheCountsAddUp() {
        CompleteCases cc = CompleteCases.of(data(), List.of("y", "g"), MissingPolicy.DROP);
        assertEquals("3 rows left out for missing values (y: 2, g: 1)", cc.warning().orElseThrow());
        assertEquals("1 row left out for missing values (g: 1)",
                CompleteCases.of(data(), List.of("g"), MissingPolicy.DROP).warning().orElseThrow());
    }

    @Test
    void countsOnlyTheRowsTheAnalysisConsiders() {
        CompleteCases cc = CompleteCases.of(data(), List.of("y", "x"), MissingPolicy.DROP, i -> i >= 2);
        assertArrayEquals(new int[] {2, 5}, cc.rows());
        assertEquals(2, cc.dropped());
        assertEquals("2 rows left out for missing values (x: 2, y: 1; a row can miss several)", cc.warning().orElseThrow());
    }

    @Test
    void refusesAnyMissingValueInOneLineNamingFileVariableRowAndTheFix() {
        InputException e = assertThrows(InputException.class,
                () -> CompleteCases.of(data(), List.of("z", "x", "y"), MissingPolicy.REFUSE));
        assertEquals("d.csv: variable 'y' is missing at row 2 and 1 more row (other variables: 2 more missing values);"
                + " --missing refuse allows no missing value: fill them in, or use --missing drop to leave those rows out",
                e.getMessage());
        InputException user = assertThrows(InputException.class,
                () -> CompleteCases.of(data(), List.of("x"), MissingPolicy.REFUSE));
        assertTrue(user.getMessage().startsWith("d.csv: variable 'x' is missing at row 4 (user-missing code -9) and 1"
                + " more row;"), user.getMessage());
        InputException extended = assertThrows(InputException.class,
                () -> CompleteCases.of(data(), List.of("y"), MissingPolicy.REFUSE, i -> i > 2));
        assertTrue(extended.getMessage().startsWith("d.csv: variable 'y' is missing at row 4 (.b);"), extended.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void theRefusalIsTypedAndReadsInSpanishAndFrenchWithOptionsSpeltForACaseSpecification() {
        OptionStyle spec = name -> "options." + name;
        InputException e = assertThrows(InputException.class,
                () -> CompleteCases.of(data(), List.of("z", "x", "y"), MissingPolicy.REFUSE));
        assertEquals(DataProblem.MISSING_REFUSED, e.reason().orElseThrow());
        assertEquals("d.csv: la variable «y» no tiene valor en la fila 2 ni en 1 fila más (otras variables: 2 valores"
                + " faltantes más); options.missing refuse no admite valores faltantes: complételos o use options.missing"
                + " drop para excluir esas filas", e.message(Locale.forLanguageTag("es"), spec));
        InputException user = assertThrows(InputException.class,
                () -> CompleteCases.of(data(), List.of("x"), MissingPolicy.REFUSE));
        assertEquals("d.csv : la variable « x » n’a pas de valeur à la ligne 4 (code de valeur manquante définie par"
                + " l’utilisateur -9) ni à 1 autre ligne ; options.missing refuse n’admet aucune valeur manquante :"
                + " complétez-les, ou utilisez options.missing drop pour écarter ces lignes", user.message(Locale.FRENCH, spec));
    }

    @Test
    void countsInTheRefusalAreNotGrouped() {
        double[] y = new double[1502];
        Arrays.fill(y, NA);
        y[0] = 1;
        double[] x = new double[1502];
        Arrays.fill(x, NA);
        x[1] = 1;
        Dataset big = Dataset.builder("big.csv").addNumeric("y", y).addNumeric("x", x).build();
        InputException e = assertThrows(InputException.class,
                () -> CompleteCases.of(big, List.of("y", "x"), MissingPolicy.REFUSE));
        assertEquals("big.csv: variable 'x' is missing at row 1 and 1500 more rows (other variables: 1501 more missing"
                + " values); --missing refuse allows no missing value: fill them in, or use --missing drop to leave those"
                + " rows out", e.getMessage());
        assertTrue(e.message(Locale.FRENCH, OptionStyle.COMMAND_LINE).contains("ni à 1500 autres lignes (autres variables : 1501"),
                e.message(Locale.FRENCH, OptionStyle.COMMAND_LINE));
    }

    @Test
    void refusesUnknownVariablesAndSamplesWithNoCompleteRow() {
        assertThrows(InputException.class, () -> CompleteCases.of(data(), List.of("nosuch"), MissingPolicy.DROP));
        Dataset allMissing = Dataset.builder("e.dta").addNumeric("a", new double[] {1, NA})
                .addNumeric("b", new double[] {NA, 2}).build();
        InputException e = assertThrows(InputException.class,
                () -> CompleteCases.of(allMissing, List.of("a", "b"), MissingPolicy.DROP));
        assertEquals("e.dta: no row has a value in all of a, b (missing: a: 1, b: 1); check the variable names, or fill"
                + " in the missing values", e.getMessage());
    }

    /**
     * The files of {@code reference/missing} (made by {@code make_missing.R}: PSPP for the .sav,
     * R haven for the Stata 114 and 117 files): income misses 5 rows (.a .b . .a .z; SPSS -9 -8
     * sysmis -9 -8), weight 2 (.c and .; SPSS 9999 and 9000 in the range 9000 THRU HIGHEST), one
     * row misses both: 6 rows left out, as R haven reads them.
     */
    @Test
    void userMissingCodesAndExtendedMissingValuesCountAsMissing() {
        for (String f : List.of("survey_missing.sav", "survey_missing_114.dta", "survey_missing_117.dta")) {
            Dataset d = DatasetReaders.read(TestFiles.reference("missing/" + f));
            CompleteCases cc = CompleteCases.of(d, List.of("income", "weight"), MissingPolicy.DROP);
            assertEquals(34, cc.size(), f);
            assertEquals("6 rows left out for missing values (income: 5, weight: 2; a row can miss several)",
                    cc.warning().orElseThrow(), f);
            assertArrayEquals(new int[] {2, 7, 11, 19, 26, 32}, java.util.stream.IntStream.range(0, 40)
                    .filter(i -> !cc.keptMask()[i]).toArray(), f);
            assertEquals(Map.of("age", 1), CompleteCases.of(d, List.of("age"), MissingPolicy.DROP).missingByVariable(), f);
        }
    }
}
