package org.synergia.synthesis.meta;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.synergia.testdata.TestFiles;

/**
 * The BCG vaccine trials (metafor's {@code dat.bcg} with {@code escalc} log risk ratios), read from
 * {@code reference/dat_bcg.csv} of synergia-testdata: the test fixture of the meta-analysis tests.
 *
 * @param yi the log risk ratios
 * @param vi their sampling variances
 * @param ablat the absolute latitude of each trial (a moderator)
 */
record BcgData(double[] yi, double[] vi, double[] ablat) {

    /** @return the trials, columns found by header name */
    static BcgData read() throws IOException {
        List<String> lines = Files.readAllLines(TestFiles.reference("dat_bcg.csv"));
        List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
        int k = lines.size() - 1;
        double[] yi = new double[k];
        double[] vi = new double[k];
        double[] ablat = new double[k];
        for (int i = 0; i < k; i++) {
            String[] f = lines.get(i + 1).split(",");
            yi[i] = Double.parseDouble(f[header.indexOf("yi")]);
            vi[i] = Double.parseDouble(f[header.indexOf("vi")]);
            ablat[i] = Double.parseDouble(f[header.indexOf("ablat")]);
        }
        return new BcgData(yi, vi, ablat);
    }
}
