package org.synergia.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.StorageType;
import org.synergia.testdata.TestFiles;

class ParquetReaderTest {

    @TempDir
    Path dir;

    private static void duckdb(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void lalondeParquetMatchesTheCsv() throws SQLException {
        // the Parquet file is written by DuckDB's own CSV reader and Parquet writer, independent of CsvReader
        Path csv = TestFiles.reference("lalonde.csv");
        Path parquet = dir.resolve("lalonde.parquet");
        duckdb("COPY (SELECT * FROM read_csv_auto('" + csv + "')) TO '" + parquet + "' (FORMAT PARQUET)");
        Dataset p = DatasetReaders.read(parquet);
        Dataset c = DatasetReaders.read(csv);
        assertEquals(c.columnNames(), p.columnNames());
        assertEquals(614, p.rowCount());
        for (String v : c.columnNames()) {
            for (int i = 0; i < c.rowCount(); i++) {
                assertEquals(c.numeric(v).value(i), p.numeric(v).value(i), 0, v + " row " + i);
            }
        }
        assertEquals("parquet", p.metadata().get("format"));
    }

    @Test
    void typesAndNulls() throws SQLException {
        Path parquet = dir.resolve("types.parquet");
        duckdb("COPY (SELECT * FROM (VALUES (1::TINYINT, 300::SMALLINT, 70000::INTEGER, 5::BIGINT, 0.5::FLOAT,"
                + " 2.25::DOUBLE, true, 'a', DATE '2024-01-31'), (NULL, NULL, NULL, 9007199254740993::BIGINT, NULL,"
                + " NULL, NULL, NULL, NULL)) t(b, s, i, l, f, d, flag, txt, day)) TO '" + parquet + "' (FORMAT PARQUET)");
        Dataset d = DatasetReaders.read(parquet);
        assertEquals(StorageType.BYTE, d.column("b").storage());
        assertEquals(StorageType.INT, d.column("s").storage());
        assertEquals(StorageType.LONG, d.column("i").storage());
        assertEquals(StorageType.DOUBLE, d.column("l").storage(), "a 64-bit value beyond 2^31 needs a double");
        assertEquals(StorageType.FLOAT, d.column("f").storage());
        assertEquals(1, d.numeric("flag").value(0), 0);
        assertEquals("2024-01-31", d.string("day").value(0));
        for (String v : new String[] {"b", "s", "i", "f", "d", "flag", "txt", "day"}) {
            assertTrue(d.column(v).isMissing(1), v);
        }
    }

    @Test
    void notParquetIsRefused() throws IOException {
        Path bad = dir.resolve("bad.parquet");
        Files.writeString(bad, "not parquet at all");
        InputException e = assertThrows(InputException.class, () -> DatasetReaders.read(bad));
        assertTrue(e.getMessage().startsWith("bad.parquet cannot be read as Parquet"), e.getMessage());
        assertTrue(assertThrows(InputException.class, () -> DatasetReaders.read(dir.resolve("none.parquet")))
                .getMessage().startsWith("file not found"));
    }
}
