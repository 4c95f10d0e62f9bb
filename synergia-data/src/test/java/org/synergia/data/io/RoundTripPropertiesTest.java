package org.synergia.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.NumericColumn;
import org.synergia.data.StorageType;
import org.synergia.data.StringColumn;

/** Random datasets survive writing and reading back: .dta exactly, CSV up to number formatting. */
class RoundTripPropertiesTest {

    private static final String LETTERS = "abcxyz \u00e9\u00f1\u00fc\u4e2d\u6587,\"'\n;\t|\u20ac";

    /** A random dataset of every storage type with every kind of missing value, from a seed. */
    static Dataset random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = r.nextInt(40);
        int columns = 1 + r.nextInt(7);
        Dataset.Builder b = Dataset.builder("random");
        for (int j = 0; j < columns; j++) {
            StorageType t = StorageType.values()[r.nextInt(StorageType.values().length)];
            String name = "v" + j;
            if (!t.isNumeric()) {
                String[] s = new String[rows];
                for (int i = 0; i < rows; i++) {
                    int len = r.nextInt(10) == 0 ? 0 : r.nextInt(100) == 0 ? 2100 + r.nextInt(50) : 1 + r.nextInt(20);
                    StringBuilder sb = new StringBuilder(len == 0 ? "" : "s");
                    for (int k = 1; k < len; k++) {
                        sb.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
                    }
                    s[i] = sb.toString();
                }
                b.add(StringColumn.of(name, s, "", "", t, 0));
                continue;
            }
            double[] v = new double[rows];
            byte[] codes = new byte[rows];
            for (int i = 0; i < rows; i++) {
                if (r.nextInt(8) == 0) {
                    v[i] = Double.NaN;
                    codes[i] = (byte) (r.nextBoolean() ? 0 : r.nextInt(27));
                    continue;
                }
                v[i] = switch (t) {
                    case BYTE -> -127 + r.nextInt(228);
                    case INT -> -32767 + r.nextInt(65508);
                    case LONG -> -2_147_483_647L + (long) (r.nextDouble() * 4_294_967_267L);
                    case FLOAT -> (float) (r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
                    default -> r.nextGaussian() * Math.pow(10, r.nextInt(600) - 300);
                };
            }
            b.add(NumericColumn.builder(name, v).storage(t).missingCodes(codes).label("label " + j).build());
        }
        return b.build();
    }

    private static Path temp(String suffix) {
        try {
            return Files.createTempFile("synergia-roundtrip", suffix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 100)
    void dtaRoundTripIsExact(@ForAll long seed) throws IOException {
        Dataset original = random(seed);
        Path file = temp(".dta");
        try {
            StataWriter.withDefaults().write(original, file);
            Dataset back = DatasetReaders.read(file);
            WritersTest.assertSameData(original, back);
            for (Column c : original.columns()) {
                if (c instanceof NumericColumn n) {
                    for (int i = 0; i < n.size(); i++) {
                        assertEquals(n.missingCode(i), back.numeric(c.name()).missingCode(i));
                        assertEquals(n.rawValue(i), back.numeric(c.name()).rawValue(i), 0);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 100)
    void csvRoundTripKeepsValuesAndMissingCodes(@ForAll long seed) throws IOException {
        Dataset original = random(seed);
        Path file = temp(".csv");
        try {
            CsvWriter.withDefaults().write(original, file);
            Dataset back = DatasetReaders.read(file);
            assertEquals(original.columnNames(), back.columnNames());
            assertEquals(original.rowCount(), back.rowCount());
            for (Column c : original.columns()) {
                Column a = back.column(c.name());
                for (int i = 0; i < c.size(); i++) {
                    assertEquals(c.isMissing(i), a.isMissing(i), c.name() + " row " + i);
                    if (c instanceof NumericColumn n && !n.isMissing(i)) {
                        assertEquals(Double.parseDouble(n.text(i)), ((NumericColumn) a).value(i), 0);
                    } else if (c instanceof NumericColumn n) {
                        assertEquals(n.missingCode(i), ((NumericColumn) a).missingCode(i));
                    } else {
                        assertEquals(c.text(i), a.text(i), c.name() + " row " + i);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
