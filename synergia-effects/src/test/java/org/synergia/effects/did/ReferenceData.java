package org.synergia.effects.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Numeric CSV files and reference JSON values of {@code ../shared/reference}. */
final class ReferenceData {

    private ReferenceData() {
    }

    static Path shared(String file) {
        return Path.of(System.getProperty("synergia.shared"), "reference", file);
    }

    /** @return the columns of a numeric CSV with a header, by name (quotes removed) */
    static Map<String, double[]> csv(String file) {
        try {
            List<String> lines = Files.readAllLines(shared(file));
            String[] head = lines.get(0).replace("\"", "").split(",");
            int n = lines.size() - 1;
            Map<String, double[]> cols = new LinkedHashMap<>();
            for (String h : head) {
                cols.put(h, new double[n]);
            }
            for (int r = 0; r < n; r++) {
                String[] f = lines.get(r + 1).split(",");
                for (int j = 0; j < head.length; j++) {
                    cols.get(head[j])[r] = f[j].isEmpty() || f[j].equals("NA") ? Double.NaN : Double.parseDouble(f[j]);
                }
            }
            return cols;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String file) {
        try {
            return new ObjectMapper().readTree(shared(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
