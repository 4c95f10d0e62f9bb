package org.synergia.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.StorageType;
import org.synergia.data.StringColumn;
import org.synergia.data.ValueLabels;
import org.synergia.testdata.TestFiles;

class WritersTest {

    @TempDir
    Path dir;

    /** A dataset using every feature a .dta file can hold. */
    static Dataset rich() {
        String longText = "x".repeat(3000) + " \u00e9";
        ValueLabels arms = ValueLabels.builder("arm").add(0, "Control").add(1, "Cash").add(2, "Cash + asset")
                .addMissing(1, "Refused").build();
        return Dataset.builder("rich").label("Encuesta de l\u00ednea de base")
                .add(NumericColumn.builder("b", new double[] {-127, 100, Double.NaN, 0}).storage(StorageType.BYTE)
                        .missingCodes(new byte[] {0, 0, 3, 0}).label("byte").build())
                .add(NumericColumn.builder("i", new double[] {-32767, 32740, 5, Double.NaN}).storage(StorageType.INT)
                        .build())
                .add(NumericColumn.builder("l", new double[] {-2147483647, 2147483620, 1, 2}).storage(StorageType.LONG)
                        .build())
                .add(NumericColumn.builder("f", new double[] {0.1f, Double.NaN, -2.5f, 1.5e38f})
                        .storage(StorageType.FLOAT).missingCodes(new byte[] {0, 26, 0, 0}).build())
                .add(NumericColumn.builder("d", new double[] {Math.PI, -1e-300, 8.98e307, Double.NaN})
                        .label("a double, \u00f1").format("%12.4f").build())
                .add(NumericColumn.builder("arm", new double[] {0, 1, 2, Double.NaN}).storage(StorageType.BYTE)
                        .missingCodes(new byte[] {0, 0, 0, 1}).valueLabels(arms).label("Treatment arm").build())
                .add(NumericColumn.builder("wide", new double[] {120, 1, 2, 3}).storage(StorageType.BYTE).build())
                .add(StringColumn.of("name", new String[] {"Mu\u00f1oz", "", "a \"quoted\", name", "\u4e2d\u6587"}))
                .add(StringColumn.of("notes", new String[] {longText, "short", null, longText}, "long notes", "",
                        StorageType.STRL, 0))
                .build();
    }

    static void assertSameData(Dataset expected, Dataset actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (Column e : expected.columns()) {
            Column a = actual.column(e.name());
            assertEquals(e.label(), a.label(), e.name());
            for (int r = 0; r < e.size(); r++) {
                assertEquals(e.isMissing(r), a.isMissing(r), e.name() + " row " + r);
                assertEquals(e.text(r), a.text(r), e.name() + " row " + r);
            }
            if (e instanceof NumericColumn n) {
                assertEquals(n.valueLabels().size(), ((NumericColumn) a).valueLabels().size());
                for (int i = 0; i < n.valueLabels().size(); i++) {
                    assertEquals(n.valueLabels().label(i), ((NumericColumn) a).valueLabels().labelOf(n.valueLabels().value(i)));
                }
            }
        }
    }

    @Test
    void dta118RoundTripKeepsEverything() {
        // R 4.2.2 haven 2.5.1 read_dta() on this file, checked by hand: 4 rows x 9 variables, b[3] = NA(c),
        // f[2] = NA(z), arm labelled Control/Cash/Cash + asset with NA(a) "Refused", notes 3,002 characters,
        // name "Muñoz" and "中文", dataset label "Encuesta de línea de base".
        Dataset original = rich();
        Path file = dir.resolve("rich.dta");
        DatasetWriters.write(original, file);
        Dataset back = DatasetReaders.read(file);
        assertSameData(original, back);
        assertEquals("118", back.metadata().get("release"));
        assertEquals(original.label(), back.label());
        assertEquals(3, back.numeric("b").missingCode(2));
        assertEquals(26, back.numeric("f").missingCode(1));
        assertEquals("Refused", back.numeric("arm").valueLabels().missingLabel(1));
        assertEquals(StorageType.FLOAT, back.column("f").storage());
        assertEquals(StorageType.INT, back.column("wide").storage(), "120 does not fit Stata's byte");
        assertEquals(StorageType.STRL, back.column("notes").storage());
        assertEquals("%12.4f", back.column("d").format());
    }

    @Test
    void referenceFilesRoundTripThroughDta() {
        for (Path p : new Path[] {TestFiles.dataset("cattaneo2.dta"),
            TestFiles.reference("lalonde.dta")}) {
            Dataset original = DatasetReaders.read(p);
            Path file = dir.resolve("copy.dta");
            DatasetWriters.write(original, file);
            Dataset back = DatasetReaders.read(file);
            assertSameData(original, back);
            for (Column c : original.columns()) {
                assertEquals(c.storage(), back.column(c.name()).storage());
                assertEquals(c.format(), back.column(c.name()).format());
            }
        }
    }

    @Test
    void csvRoundTrip() throws IOException {
        Dataset original = rich().select(java.util.List.of("b", "i", "l", "f", "d", "name", "notes"));
        Path file = dir.resolve("rich.csv");
        DatasetWriters.write(original, file);
        Dataset back = CsvReader.withDefaults().withColumnType("name", org.synergia.data.VariableType.STRING)
                .read(file);
        for (String v : new String[] {"b", "i", "l", "d", "name", "notes"}) {
            for (int r = 0; r < original.rowCount(); r++) {
                assertEquals(original.column(v).text(r), back.column(v).text(r), v + " row " + r);
            }
        }
        assertEquals(3, back.numeric("b").missingCode(2), ".c survives CSV");
        assertEquals(0.1, back.numeric("f").value(0), 0, "a float is written as its shortest decimal");
        Path labels = dir.resolve("labels.csv");
        CsvWriter.withDefaults().withLabelledValues(CsvWriter.LabelledValues.LABELS)
                .write(rich().select(java.util.List.of("arm")), labels);
        assertEquals("arm\nControl\nCash\nCash + asset\n.a\n", Files.readString(labels));
    }

    @Test
    void namesStataCannotHoldAreRefused() {
        Dataset bad = Dataset.builder("bad").addNumeric("my var", new double[] {1}).build();
        InputException e = assertThrows(InputException.class, () -> DatasetWriters.write(bad, dir.resolve("b.dta")));
        assertTrue(e.getMessage().contains("'my var' is not a valid Stata name"), e.getMessage());
        assertTrue(assertThrows(InputException.class, () -> DatasetWriters.write(bad, dir.resolve("b.xlsx")))
                .getMessage().startsWith("b.xlsx: Synergia writes .dta, .csv and .tsv"));
    }
}
