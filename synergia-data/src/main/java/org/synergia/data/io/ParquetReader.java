package org.synergia.data.io;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.data.StorageType;
import org.synergia.data.StringColumn;

/**
 * Reads Apache Parquet files through the embedded DuckDB engine ({@code read_parquet}). Integer
 * columns keep an integer storage when their values fit one (8-, 16-, 32-bit; 64-bit integers
 * become doubles), floats stay floats, booleans become 0/1 bytes, and every other type (text,
 * dates, timestamps, decimals beyond double precision, nested values) is read as its text. SQL
 * NULL is the system missing value.
 */
public final class ParquetReader implements DatasetReader {

    private ParquetReader() {
    }

    /** @return a reader */
    public static ParquetReader withDefaults() {
        return new ParquetReader();
    }

    @Override
    public Dataset read(Path file) {
        InputFiles.checkReadable(file);
        String name = InputFiles.name(file);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            int rows;
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
                count.setString(1, file.toAbsolutePath().toString());
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(1);
                    if (n > Integer.MAX_VALUE - 8) {
                        throw new InputException(name + " has " + n + " rows, more than Synergia holds in memory"
                                + " (2^31); select the rows you need first");
                    }
                    rows = (int) n;
                }
            }
            try (PreparedStatement all = c.prepareStatement("SELECT * FROM read_parquet(?)")) {
                all.setString(1, file.toAbsolutePath().toString());
                try (ResultSet rs = all.executeQuery()) {
                    return collect(name, rs, rows);
                }
            }
        } catch (SQLException e) {
            String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new InputException(name + " cannot be read as Parquet (" + msg + "); check that it is a Parquet file",
                    e);
        }
    }

    private static Dataset collect(String name, ResultSet rs, int rows) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int k = meta.getColumnCount();
        int[] types = new int[k];
        double[][] numbers = new double[k][];
        String[][] texts = new String[k][];
        for (int j = 0; j < k; j++) {
            types[j] = meta.getColumnType(j + 1);
            if (isNumeric(types[j])) {
                numbers[j] = new double[rows];
            } else {
                texts[j] = new String[rows];
            }
        }
        int r = 0;
        while (rs.next()) {
            if (r == rows) {
                throw new InputException(name + " changed while it was read; read it again");
            }
            for (int j = 0; j < k; j++) {
                if (numbers[j] != null) {
                    double v = types[j] == Types.BOOLEAN ? (rs.getBoolean(j + 1) ? 1 : 0) : rs.getDouble(j + 1);
                    numbers[j][r] = rs.wasNull() || !Double.isFinite(v) ? Double.NaN : v;
                } else {
                    texts[j][r] = rs.getString(j + 1);
                }
            }
            r++;
        }
        Dataset.Builder b = Dataset.builder(name).metadata("format", "parquet");
        for (int j = 0; j < k; j++) {
            String column = meta.getColumnLabel(j + 1);
            if (numbers[j] == null) {
                b.add(StringColumn.of(column, texts[j]));
            } else {
                b.add(NumericColumn.builder(column, numbers[j]).storage(storage(types[j], numbers[j])).build());
            }
        }
        return b.build();
    }

    private static boolean isNumeric(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE,
                    Types.BOOLEAN -> true;
            default -> false;
        };
    }

    private static StorageType storage(int sqlType, double[] values) {
        return switch (sqlType) {
            case Types.BOOLEAN, Types.TINYINT -> StorageType.BYTE;
            case Types.SMALLINT -> StorageType.INT;
            case Types.INTEGER -> StorageType.LONG;
            case Types.BIGINT -> {
                double min = 0;
                double max = 0;
                for (double v : values) {
                    if (v == v) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                yield min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE ? StorageType.LONG : StorageType.DOUBLE;
            }
            case Types.FLOAT, Types.REAL -> StorageType.FLOAT;
            default -> StorageType.DOUBLE;
        };
    }
}
