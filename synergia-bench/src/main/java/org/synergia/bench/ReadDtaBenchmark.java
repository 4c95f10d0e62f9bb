package org.synergia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.synergia.data.Dataset;
import org.synergia.data.NumericColumn;
import org.synergia.data.StorageType;
import org.synergia.data.StringColumn;
import org.synergia.data.ValueLabels;
import org.synergia.data.io.DatasetReaders;
import org.synergia.data.io.StataWriter;

/**
 * Reading a 1,000,000-row × 20-variable Stata .dta file (format 118: 4 byte, 3 int, 3 long,
 * 4 float and 5 double variables with missing values, one labelled, and a str12 variable),
 * one read per operation. Run by hand: {@code java -cp ... org.openjdk.jmh.Main ReadDtaBenchmark};
 * {@code java -cp ... org.synergia.bench.ReadDtaBenchmark FILE} writes the same file for
 * comparisons with other software.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ReadDtaBenchmark {

    private static final int ROWS = 1_000_000;

    private Path file;

    /** Writes the file once per trial. */
    @Setup(Level.Trial)
    public void write() throws IOException {
        file = Files.createTempFile("synergia-bench", ".dta");
        StataWriter.withDefaults().write(survey(ROWS, 20171), file);
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Reads the file.
     *
     * @return the dataset
     */
    @Benchmark
    public Dataset read() {
        return DatasetReaders.read(file);
    }

    /**
     * A simulated household survey with every numeric storage type, about 2% missing values.
     *
     * @param rows the number of rows
     * @param seed the random seed
     * @return the dataset
     */
    static Dataset survey(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Dataset.Builder b = Dataset.builder("survey");
        StorageType[] storage = {StorageType.BYTE, StorageType.BYTE, StorageType.BYTE, StorageType.BYTE,
            StorageType.INT, StorageType.INT, StorageType.INT, StorageType.LONG, StorageType.LONG, StorageType.LONG,
            StorageType.FLOAT, StorageType.FLOAT, StorageType.FLOAT, StorageType.FLOAT, StorageType.DOUBLE,
            StorageType.DOUBLE, StorageType.DOUBLE, StorageType.DOUBLE, StorageType.DOUBLE};
        ValueLabels yesNo = ValueLabels.builder("yesno").add(0, "no").add(1, "yes").build();
        for (int j = 0; j < storage.length; j++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = r.nextDouble() < 0.02 ? Double.NaN : switch (storage[j]) {
                    case BYTE -> j == 0 ? r.nextInt(2) : r.nextInt(100);
                    case INT -> r.nextInt(30_000);
                    case LONG -> r.nextInt(2_000_000_000);
                    case FLOAT -> (float) (r.nextGaussian() * 100);
                    default -> r.nextGaussian() * 1e4;
                };
            }
            b.add(NumericColumn.builder("x" + (j + 1), v).storage(storage[j])
                    .valueLabels(j == 0 ? yesNo : ValueLabels.NONE).build());
        }
        String[] villages = new String[rows];
        for (int i = 0; i < rows; i++) {
            villages[i] = "village_" + r.nextInt(1000);
        }
        return b.add(StringColumn.of("village", villages)).build();
    }

    /**
     * Writes the benchmark's file, for reading it with other software.
     *
     * @param args the path to write
     */
    public static void main(String[] args) {
        StataWriter.withDefaults().write(survey(ROWS, 20171), Path.of(args[0]));
    }
}
