package org.synergia.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference data sets and values that the other modules' tests read, by name. The files are this
 * module's resources ({@code org/synergia/testdata/reference} and {@code .../datasets}; provenance in
 * the module's README). In a reactor build they are plain files; when the module comes as a jar, a
 * file is copied once to a temporary folder so that tests can hand a path to readers and commands.
 */
public final class TestFiles {

    private static final String ROOT = "/org/synergia/testdata/";
    private static Path extracted;

    private TestFiles() {
    }

    /** @return a file of {@code reference/}: data sets with values computed by independent software */
    public static Path reference(String name) {
        return path("reference/" + name);
    }

    /** @return a file of {@code datasets/}: real-world files for readers and estimators */
    public static Path dataset(String name) {
        return path("datasets/" + name);
    }

    /** @return a JSON file of {@code reference/}, parsed */
    public static JsonNode referenceJson(String name) {
        try {
            return new ObjectMapper().readTree(reference(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a numeric CSV file of {@code reference/} with a header line, quotes removed and no embedded
     * commas; {@code NA} and empty fields are NaN.
     *
     * @return the columns by header name, in file order
     */
    public static Map<String, double[]> numericColumns(String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(reference(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).replace("\"", "").split(",");
        int n = lines.size() - 1;
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String h : header) {
            columns.put(h, new double[n]);
        }
        for (int r = 0; r < n; r++) {
            String[] fields = lines.get(r + 1).split(",", -1);
            for (int c = 0; c < header.length; c++) {
                String v = fields[c].replace("\"", "");
                columns.get(header[c])[r] = v.isEmpty() || v.equals("NA") ? Double.NaN : Double.parseDouble(v);
            }
        }
        return columns;
    }

    private static synchronized Path path(String relative) {
        URL url = TestFiles.class.getResource(ROOT + relative);
        if (url == null) {
            throw new IllegalArgumentException("no test file " + relative + " in synergia-testdata (src/main/resources"
                    + ROOT + "); add it there with its provenance in the module's README");
        }
        try {
            if (url.getProtocol().equals("file")) {
                return Path.of(url.toURI());
            }
            if (extracted == null) {
                extracted = Files.createTempDirectory("synergia-testdata");
                extracted.toFile().deleteOnExit();
            }
            Path target = extracted.resolve(relative);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                target.getParent().toFile().deleteOnExit();
                try (InputStream in = url.openStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().deleteOnExit();
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
