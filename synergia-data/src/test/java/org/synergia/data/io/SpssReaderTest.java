package org.synergia.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.StringColumn;
import org.synergia.data.UserMissingValues;
import org.synergia.data.VariableType;

/**
 * SPSS fixtures written by independent software, each made by the script beside it in
 * {@code src/test/resources/fixtures/sav}: {@code make_pspp.sps} (GNU PSPP 1.6.2) and
 * {@code make_haven.R} (R 4.2.2, haven 2.5.1). Expected values are what those scripts wrote
 * (and what R haven {@code read_sav(user_na = TRUE)} and ReadStat 1.1.8 read back).
 */
class SpssReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(SpssReaderTest.class.getResource("/fixtures/sav/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"pspp_uncompressed.sav,none", "pspp_compressed.sav,bytecode", "pspp.zsav,zlib"})
    void psppFixtures(String file, String compression) {
        Dataset d = DatasetReaders.read(fixture(file));
        assertEquals(compression, d.metadata().get("compression"));
        assertEquals("UTF-8", d.metadata().get("encoding"));
        assertEquals(List.of("id", "income", "arm", "village", "hours", "notes"), d.columnNames());
        assertEquals(5, d.rowCount());
        NumericColumn income = d.numeric("income");
        assertEquals("Monthly income (soles)", income.label());
        assertEquals("F11.2", income.format(), "PSPP widens F10.2 for 1e10 (R haven reads F11.2 too)");
        assertEquals(1520.25, income.value(0), 0);
        assertTrue(income.isMissing(1));
        assertEquals(1e10, income.value(4), 0);
        assertTrue(income.isUserMissing(3), "-12.75 is in LOWEST THRU -1");
        assertEquals(UserMissingValues.range(Double.NEGATIVE_INFINITY, -1), income.userMissing());
        NumericColumn arm = d.numeric("arm");
        assertEquals(VariableType.CATEGORICAL, arm.type());
        assertEquals("Cash plus", arm.valueLabels().labelOf(3));
        assertTrue(arm.isMissing(4));
        NumericColumn hours = d.numeric("hours");
        assertEquals(UserMissingValues.discrete(98, 99), hours.userMissing());
        assertEquals(2, hours.missingCount());
        assertEquals(99, hours.rawValue(1), 0);
        assertFalse(hours.isMissing(4));
        assertEquals("Refused", hours.valueLabels().labelOf(98));
        StringColumn village = d.string("village");
        assertEquals("Caf\u00e9 Alto", village.value(0));
        assertEquals("Ch\u00e1vez", village.value(3));
        assertTrue(village.isMissing(1));
        assertEquals("A12", village.format());
        StringColumn notes = d.string("notes");
        assertEquals(300, notes.width());
        assertEquals("A300", notes.format());
        assertEquals("ab".repeat(140) + "\u00e9 Caf\u00e9 Alto", notes.value(0));
        assertEquals("ab".repeat(140) + "\u00e9", notes.value(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"haven_none.sav", "haven_byte.sav", "haven.zsav"})
    void havenFixtures(String file) {
        Dataset d = DatasetReaders.read(fixture(file));
        assertEquals(List.of("id", "score", "age", "region", "name", "essay"), d.columnNames());
        NumericColumn score = d.numeric("score");
        assertEquals("Test score", score.label());
        assertEquals(UserMissingValues.discrete(-9, -8), score.userMissing());
        assertArrayEquals(new double[] {12.5, Double.NaN, 7, Double.NaN}, score.toDoubleArray());
        assertEquals("Don't know", score.valueLabels().labelOf(-9));
        NumericColumn age = d.numeric("age");
        assertEquals(UserMissingValues.range(900, Double.POSITIVE_INFINITY), age.userMissing());
        assertTrue(age.isUserMissing(1));
        assertEquals("Selva", d.numeric("region").valueLabels().labelOf(3));
        assertEquals("Mu\u00f1oz", d.string("name").value(0));
        assertEquals("\u4e2d\u6587", d.string("name").value(2));
        StringColumn essay = d.string("essay");
        assertEquals("z".repeat(600), essay.value(0));
        assertEquals("short", essay.value(1));
        assertTrue(essay.isMissing(2));
        assertEquals("\u00e9".repeat(400), essay.value(3), "UTF-8 characters across 252-byte segments");
    }

    @Test
    void codePageText() {
        Dataset d = DatasetReaders.read(fixture("pspp_cp1252.sav"));
        assertEquals("windows-1252", d.metadata().get("encoding"));
        assertEquals("Caf\u00e9 Alto", d.string("village").value(0));
        assertEquals("Ni\u00f1o", d.string("village").value(1));
        assertEquals("Village (\u00f1)", d.column("village").label());
        assertEquals("uno (\u00fa)", d.numeric("id").valueLabels().labelOf(1));
    }

    @Test
    void aZlibFileThatInflatesFarBeyondSurveyDataIsRefusedBeforeInflating() {
        InputException e = assertThrows(InputException.class, () -> DatasetReaders.read(fixture("bomb_zeros.zsav")));
        assertTrue(e.getMessage().startsWith("bomb_zeros.zsav declares 228 MiB of data in ") && e.getMessage().contains("ratio of"),
                e.getMessage());
    }
}
