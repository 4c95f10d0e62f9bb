package org.synergia.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.StorageType;
import org.synergia.data.VariableType;
import org.synergia.testdata.TestFiles;

class CsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsLalonde() {
        Path file = TestFiles.reference("lalonde.csv");
        Dataset d = DatasetReaders.read(file);
        assertEquals(614, d.rowCount());
        assertEquals(List.of("treat", "age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75", "re78"),
                d.columnNames());
        assertEquals(StorageType.BYTE, d.column("age").storage());
        assertEquals(VariableType.DOUBLE, d.column("re78").type());
        // first data line of the file: 1,37,11,1,0,1,1,0,0,9930.046
        assertEquals(9930.046, d.numeric("re78").value(0), 0);
        assertEquals(37, d.numeric("age").value(0), 0);
        assertEquals("lalonde.csv", d.name());
    }

    @Test
    void quotingMissingTokensAndInference() throws IOException {
        Path f = write("q.csv", "id,name,x,y\r\n"
                + "007,\"Smith, J\",1.5,NA\r\n"
                + "010,\"say \"\"hi\"\"\nthere\",.,3\r\n"
                + "\n"
                + "011,,-2e3,\"4\"\r\n");
        Dataset d = CsvReader.withDefaults().withColumnType("id", VariableType.STRING).read(f);
        assertEquals(3, d.rowCount());
        assertEquals("007", d.string("id").value(0));
        assertEquals("Smith, J", d.string("name").value(0));
        assertEquals("say \"hi\"\nthere", d.string("name").value(1));
        assertTrue(d.column("name").isMissing(2));
        NumericColumn x = d.numeric("x");
        assertEquals(VariableType.DOUBLE, x.type());
        assertTrue(x.isMissing(1));
        assertEquals(-2000, x.value(2), 0);
        assertEquals(StorageType.BYTE, d.column("y").storage());
        assertEquals(1, d.column("y").missingCount());
        // without the override, leading zeros are read as numbers
        assertEquals(7, CsvReader.withDefaults().read(f).numeric("id").value(0), 0);
    }

    @Test
    void delimitersAndEncodings() throws IOException {
        Path tsv = write("t.tsv", "a\tb\n1\tcafé\n");
        assertEquals("café", DatasetReaders.read(tsv).string("b").value(0));
        Path semi = dir.resolve("s.txt");
        Files.write(semi, "a;b\n1;caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Dataset d = DatasetReaders.read(semi);
        assertEquals("café", d.string("b").value(0));
        assertEquals("ISO-8859-1", d.metadata().get("encoding"));
        Path bom = write("bom.csv", "\uFEFFa,b\n1,2\n");
        assertEquals(List.of("a", "b"), DatasetReaders.read(bom).columnNames());
    }

    @Test
    void categoricalOverrideCodesTextInOrder() throws IOException {
        Path f = write("c.csv", "region\nnorth\nsouth\nnorth\nNA\neast\n");
        NumericColumn r = CsvReader.withDefaults().withColumnType("region", VariableType.CATEGORICAL).read(f)
                .numeric("region");
        assertEquals(VariableType.CATEGORICAL, r.type());
        assertEquals("east", r.valueLabels().labelOf(1));
        assertEquals(2, r.value(0), 0);
        assertTrue(r.isMissing(3));
    }

    @Test
    void badInputIsNamed() throws IOException {
        Path ragged = write("r.csv", "a,b,c\n1,2,3\n4,5\n");
        InputException e = assertThrows(InputException.class, () -> DatasetReaders.read(ragged));
        assertEquals("r.csv line 3 has 2 fields but the header has 3; fix that row (a missing or extra delimiter,"
                + " or an unclosed quote) or give the delimiter", e.getMessage());
        Path unclosed = write("u.csv", "a,b\n1,\"x\n");
        assertTrue(assertThrows(InputException.class, () -> DatasetReaders.read(unclosed)).getMessage()
                .startsWith("u.csv line 2: a quoted field is never closed"));
        Path text = write("n.csv", "a\n1\nx\n");
        assertTrue(assertThrows(InputException.class,
                () -> CsvReader.withDefaults().withColumnType("a", VariableType.DOUBLE).read(text)).getMessage()
                .startsWith("n.csv line 3 (row 2), column 'a': 'x' is not a number"));
        Path dup = write("d.csv", "a,a\n1,2\n");
        assertTrue(assertThrows(InputException.class, () -> DatasetReaders.read(dup)).getMessage().contains("twice"));
        assertTrue(assertThrows(InputException.class, () -> DatasetReaders.read(dir.resolve("x.xlsx"))).getMessage()
                .startsWith("x.xlsx: unknown file type '.xlsx'"));
        assertTrue(assertThrows(InputException.class, () -> DatasetReaders.read(dir.resolve("none.csv")))
                .getMessage().startsWith("file not found"));
        Path empty = write("e.csv", "");
        assertTrue(assertThrows(InputException.class, () -> DatasetReaders.read(empty)).getMessage()
                .contains("is empty"));
    }

    @Test
    void aFileTooLargeForTheMemoryLeftIsRefusedBeforeReadingWithTheFix(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("census.csv"), "a,b\n1,2\n");
        InputException e = assertThrows(InputException.class, () -> InputFiles.checkMemory(f, 4 * Runtime.getRuntime().maxMemory()));
        assertTrue(e.getMessage().startsWith("census.csv needs about ")
                && e.getMessage().contains("SYNERGIA_JAVA_OPTS=-Xmx") && e.getMessage().contains("Parquet"), e.getMessage());
        InputFiles.checkMemory(f, 1024);
    }
}
