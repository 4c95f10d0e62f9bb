package org.synergia.microsim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.synergia.data.InputException;

/**
 * Writes a synthetic population to Parquet (the {@link PopulationSource} schema) through DuckDB:
 * households are appended in chunks to a disk-backed DuckDB table (so memory stays bounded at any
 * size) and copied to a ZSTD-compressed Parquet file.
 */
public final class PopulationWriter {

    private PopulationWriter() {}

    /**
     * @param source the synthetic population
     * @param file the Parquet file to write (replaced)
     * @return the file
     */
    public static Path write(PopulationSource.Synthetic source, Path file) {
        Path scratch;
        try {
            scratch = Files.createTempFile("synergia-population", ".duckdb");
            Files.delete(scratch);
        } catch (IOException e) {
            throw new InputException("cannot create a scratch DuckDB file: " + e.getMessage());
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + scratch);
                Statement st = c.createStatement()) {
            st.execute("SET memory_limit='512MB'");
            st.execute("CREATE TABLE population (id BIGINT, weight DOUBLE, region INTEGER, rural BOOLEAN,"
                    + " consumption DOUBLE, size INTEGER, pmt_score DOUBLE, school_child BOOLEAN, farming BOOLEAN)");
            PopulationChunk chunk = new PopulationChunk(65_536);
            try (DuckDBAppender app = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "population")) {
                for (long first = 0; first < source.households(); first += chunk.capacity()) {
                    int count = (int) Math.min(chunk.capacity(), source.households() - first);
                    source.spec().generate(first, count, source.households(), source.seed(), chunk);
                    for (int i = 0; i < chunk.rows; i++) {
                        app.beginRow();
                        app.append(chunk.id[i]);
                        app.append(chunk.weight[i]);
                        app.append(chunk.region[i]);
                        app.append(chunk.rural[i]);
                        app.append(chunk.consumption[i]);
                        app.append(chunk.size[i]);
                        app.append(chunk.pmtScore[i]);
                        app.append(chunk.schoolChild[i]);
                        app.append(chunk.farming[i]);
                        app.endRow();
                    }
                }
            }
            Files.deleteIfExists(file);
            st.execute("COPY population TO '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException | IOException e) {
            throw new InputException("writing population " + file + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(scratch);
                Files.deleteIfExists(Path.of(scratch + ".wal"));
            } catch (IOException e) {
                scratch.toFile().deleteOnExit();
            }
        }
        return file;
    }
}
