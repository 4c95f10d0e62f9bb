package org.synergia.effects.potentialoutcomes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.synergia.testdata.TestFiles;

/** Numeric CSV files of the tests, read by column. */
final class TestData {

    final String[] names;
    final double[][] columns;

    private TestData(String[] names, double[][] columns) {
        this.names = names;
        this.columns = columns;
    }

    static Path resource(String name) {
        try {
            return Path.of(TestData.class.getResource("/reference/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestData read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            String[] names = lines.get(0).replace("\"", "").split(",");
            int n = lines.size() - 1;
            double[][] cols = new double[names.length][n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",");
                for (int j = 0; j < names.length; j++) {
                    cols[j][i] = Double.parseDouble(f[j]);
                }
            }
            return new TestData(names, cols);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double[] column(String name) {
        return columns[Arrays.asList(names).indexOf(name)];
    }

    double[][] columns(String... wanted) {
        return Arrays.stream(wanted).map(this::column).toArray(double[][]::new);
    }

    int rows() {
        return columns[0].length;
    }

    /** The lalonde data with the covariates of lalonde_teffects.json in both models. */
    static TreatmentData lalonde() {
        TestData d = read(TestFiles.reference("lalonde.csv"));
        String[] covs = {"age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75"};
        return TreatmentData.withCommonCovariates(d.column("re78"), d.column("treat"), d.columns(covs), covs);
    }
}
