package org.synergia.stats.glm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.synergia.testdata.TestFiles;

/** The lalonde.csv of synergia-testdata (614 rows, all numeric), read column by column for tests. */
final class Lalonde {

    final List<String> header;
    final double[][] columns;

    private Lalonde(List<String> header, double[][] columns) {
        this.header = header;
        this.columns = columns;
    }

    static Lalonde load() {
        Path file = TestFiles.reference("lalonde.csv");
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
            double[][] cols = new double[header.size()][lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                for (int j = 0; j < f.length; j++) {
                    cols[j][i - 1] = Double.parseDouble(f[j]);
                }
            }
            return new Lalonde(header, cols);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double[] column(String name) {
        int j = header.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException(name);
        }
        return columns[j];
    }

    int rows() {
        return columns[0].length;
    }

    /** @return the design: an intercept column, then the named columns */
    double[][] design(List<String> regressors) {
        double[][] x = new double[regressors.size() + 1][];
        x[0] = new double[rows()];
        java.util.Arrays.fill(x[0], 1.0);
        for (int j = 0; j < regressors.size(); j++) {
            x[j + 1] = column(regressors.get(j));
        }
        return x;
    }
}
